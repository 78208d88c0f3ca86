import { legalDateOf } from '#shared/kernel/dates.ts';
import { RuleViolation } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import {
  defaultRule,
  type Publication,
  readyEarly,
  SERVED_OR_LATER,
} from '#shared/publicity/domain/publication.ts';
import type { PublicationRepository } from '#shared/publicity/store/publication-repository.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import {
  type CaseStatus,
  canTransition,
  caseStatusLabels,
  GATED_STATUSES,
  openTransitions,
} from '#shared/recording/domain/state-machine.ts';
import type { CasePorts } from '#shared/recording/use-cases/case-access.ts';
import { assertAvComplete } from '#shared/recording/use-cases/case-activities.ts';
import { changeCase, commitCaseChange } from '#shared/recording/use-cases/case-commit.ts';

/** The states a case reaches only with its AV complete (REC-11). */
const PAST_INVESTIGATION: readonly CaseStatus[] = [
  'hearing',
  'pending-decision',
  'decided',
  'served',
  'executed',
  'closed',
  'archived',
];

/**
 * The decision's publication when the case reaching `status` is the moment its rule waits for
 * (service, or what follows it) and it needs no more confirmation: to be marked ready, so the
 * sweep publishes it at its next run rather than on its due date.
 */
export async function publicationReadied(
  ports: CasePorts & { publications: Port<PublicationRepository> },
  record: CaseRecord,
  status: CaseStatus,
): Promise<Publication | undefined> {
  const publicationId = record.decision?.publicationId;
  if (!publicationId || !SERVED_OR_LATER.includes(status)) return undefined;
  const publication = await ports.publications.get(record.agencyId, publicationId);
  if (
    !publication ||
    publication.ready ||
    !['scheduled', 'deadline-unconfirmed'].includes(publication.status)
  )
    return undefined;
  const rule =
    (await ports.publications.getRule(record.agencyId, record.category)) ?? defaultRule(record.category);
  return readyEarly(rule, { status, party: record.party }, publication.confirmation !== undefined)
    ? publication
    : undefined;
}

export async function transitionCase(
  ports: CasePorts & { publications: Port<PublicationRepository> },
  principal: Principal,
  id: string,
  input: { to: CaseStatus; note?: string },
): Promise<CaseRecord> {
  return changeCase(ports, principal, id, async (record) => {
    if (GATED_STATUSES.includes(input.to) || !canTransition(record.status, input.to)) {
      const allowed = openTransitions(record.status);
      throw new RuleViolation(
        'INVALID_TRANSITION',
        input.to === 'decided'
          ? '作出决定请使用决定接口'
          : `案件不能从“${caseStatusLabels[record.status]}”转为“${caseStatusLabels[input.to]}”`,
        [
          {
            path: 'to',
            message: `可以转为：${allowed.map((status) => caseStatusLabels[status]).join('、') || '无'}`,
          },
        ],
        { allowed },
      );
    }
    const kind = record.decision?.revocationKind;
    if (
      record.status === 'revoked' &&
      input.to === 'pending-decision' &&
      kind !== 'changed' &&
      kind !== 'remade'
    ) {
      throw new RuleViolation(
        'INVALID_TRANSITION',
        '原决定被撤销或确认违法、无效，不能重新作出决定；决定被变更或责令重新作出的才可重新决定',
        [{ path: 'to', message: `撤回类型：${kind ?? '未知'}` }],
        { allowed: ['closed', 'archived'] },
      );
    }
    if (PAST_INVESTIGATION.includes(input.to)) await assertAvComplete(ports, record);
    const readied = await publicationReadied(ports, record, input.to);
    const { record: next } = await commitCaseChange(
      ports,
      record,
      principal,
      'case.transitioned',
      {
        from: record.status,
        to: input.to,
        ...(input.note ? { note: input.note } : {}),
      },
      {
        status: input.to,
        // The performance of the decision (履行情况) is published with it, before or after (PUB-10).
        ...(input.to === 'executed' ? { executedOn: legalDateOf(ports.now()) } : {}),
        // The closed case files a case-file evaluation draws from are those closed in its period (SUP-4).
        ...(input.to === 'closed' || (input.to === 'archived' && !record.closedOn)
          ? { closedOn: legalDateOf(ports.now()) }
          : {}),
      },
      readied
        ? [
            ports.publications.put(
              { ...readied, ready: true, updatedAt: ports.now().toISOString(), version: readied.version + 1 },
              readied,
            ),
          ]
        : [],
    );
    return next;
  });
}
