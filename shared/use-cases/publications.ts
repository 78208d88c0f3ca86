import {
  PUBLICATION_EVENT_SOURCE,
  PublicationPublished,
  PublicationWithdrawn,
} from '#events/publication-events.ts';
import type { Principal } from '#shared/auth.ts';
import { addCalendarDays, legalDateOf } from '#shared/dates.ts';
import type { CaseRecord } from '#shared/domain/cases/case.ts';
import { maskPersonName, scrubText } from '#shared/domain/desensitise.ts';
import type { EnforcementCategory } from '#shared/domain/officer.ts';
import { buildPublicRecord, type PublicRecord } from '#shared/domain/public-record.ts';
import {
  defaultRule,
  type Publication,
  type PublicationRule,
  type WithdrawalKind,
  withdrawalLabels,
} from '#shared/domain/publication.ts';
import { Conflict, NotFound, RuleViolation } from '#shared/errors.ts';
import type { DomainEvent } from '#shared/events/publisher.ts';
import type { ChildWrite } from '#shared/store/case-repository.ts';
import type { PublicationRepository } from '#shared/store/publication-repository.ts';
import { heldDeadline } from '#shared/use-cases/calendar.ts';
import { assertMayHandle, commitCaseChange, getCase, withRetry } from '#shared/use-cases/cases.ts';
import { deliveryWrites, type PushPorts } from '#shared/use-cases/push.ts';
import type { ReviewPorts } from '#shared/use-cases/reviews.ts';

export interface PublicationPorts extends ReviewPorts, PushPorts {
  publications: PublicationRepository;
  publish: (events: DomainEvent[]) => Promise<void>;
  scheduleDueDate: (publication: { id: string; dueBy: string | null }) => Promise<void>;
}

const SYSTEM = (agencyId: string): Principal => ({
  sub: 'system:publication-sweep',
  name: '自动公示',
  agencyId,
  roles: [],
});

/** The agency's rule for a category (PUB-1), or the default of PUB-9. */
export async function publicationRule(
  ports: { publications: PublicationRepository },
  agencyId: string,
  category: EnforcementCategory,
): Promise<PublicationRule> {
  return (await ports.publications.getRule(agencyId, category)) ?? defaultRule(category);
}

export async function getPublication(
  ports: PublicationPorts,
  agencyId: string,
  id: string,
): Promise<Publication> {
  const publication = await ports.publications.get(agencyId, id);
  if (!publication) throw new NotFound('公示不存在', [{ path: 'id', message: id }]);
  return publication;
}

/** A change to a publication, its public record and the journal, in one transaction. */
async function commitPublication(
  ports: PublicationPorts,
  principal: Principal,
  record: CaseRecord,
  publication: Publication,
  next: Publication,
  type: string,
  data: Record<string, unknown>,
  extra: ChildWrite[] = [],
): Promise<Publication> {
  const saved: Publication = {
    ...next,
    updatedAt: ports.now().toISOString(),
    version: publication.version + 1,
  };
  await commitCaseChange(ports, record, principal, type, { publicationId: publication.id, ...data }, {}, [
    ports.publications.put(saved, publication.version),
    ...extra,
  ]);
  return saved;
}

/** Is a scheduled publication ready by its rule (decided, or served), regardless of its due date? */
function ready(rule: PublicationRule, record: CaseRecord): boolean {
  if (rule.publishWhen === 'decided') return true;
  return ['served', 'executed', 'closed', 'archived'].includes(record.status);
}

/**
 * Publishes one publication now, if it is still scheduled (PUB-12). Conditional on the version
 * read, so a retried, restarted or concurrent sweep publishes it exactly once.
 */
export async function publishNow(
  ports: PublicationPorts,
  principal: Principal,
  agencyId: string,
  id: string,
): Promise<Publication | undefined> {
  return withRetry(async () => {
    const publication = await getPublication(ports, agencyId, id);
    if (publication.status !== 'scheduled') return undefined;
    const record = await getCase(ports, agencyId, publication.caseId);
    const decision = [record.decision, ...(record.previousDecisions ?? [])].find(
      (item) => item?.id === publication.decisionId,
    );
    if (!decision) throw new Conflict('公示对应的决定不存在');
    const rule = await publicationRule(ports, agencyId, publication.category);
    const now = ports.now();
    const publishedOn = legalDateOf(now);
    const expiresOn = addCalendarDays(publishedOn, publication.periodDays);
    const profile = await ports.agencies.get(agencyId);
    const publicRecord = buildPublicRecord({
      record,
      decision,
      publication,
      agencyName: profile?.name ?? agencyId,
      rule,
      publishedOn,
      expiresOn,
    });
    const late = publication.dueBy !== null && publishedOn > publication.dueBy;
    const push = await deliveryWrites(ports, agencyId, 'publication.published', id, { ...publicRecord });
    const saved = await commitPublication(
      ports,
      principal,
      record,
      publication,
      {
        ...publication,
        status: 'published',
        publishedAt: now.toISOString(),
        publishedOn,
        expiresOn,
        ...(late ? { late } : {}),
      },
      'publication.published',
      { publishedOn, dueBy: publication.dueBy, late },
      [ports.publications.putPublicRecord(agencyId, publicRecord, true), ...push],
    );
    await ports.publish([
      {
        source: PUBLICATION_EVENT_SOURCE,
        detailType: PublicationPublished.detailType,
        detail: PublicationPublished.schema.parse({
          version: 1,
          agencyId,
          publicationId: id,
          caseId: publication.caseId,
          publishedOn,
          dueBy: publication.dueBy,
          late,
        }),
      },
    ]);
    return saved;
  });
}

/**
 * The sweep (every 15 minutes, PUB-12): publishes every scheduled publication that is ready by
 * its rule and, whatever else is pending, every one whose due date has come; takes expired
 * publications off the public list (LAW-6). Safe to run twice at once or again after a crash.
 */
export async function sweepPublications(ports: PublicationPorts) {
  const today = legalDateOf(ports.now());
  const published: string[] = [];
  const overdue: string[] = [];
  for (const { agencyId, id } of await ports.publications.work('PUBLICATION_SCHEDULED')) {
    const publication = await ports.publications.get(agencyId, id);
    if (publication?.status !== 'scheduled') continue;
    const due = publication.dueBy !== null && publication.dueBy <= today;
    const record = await ports.cases.get(agencyId, publication.caseId);
    const rule = await publicationRule(ports, agencyId, publication.category);
    if (!due && !(record && ready(rule, record))) continue;
    try {
      if (await publishNow(ports, SYSTEM(agencyId), agencyId, id)) published.push(id);
    } catch (error) {
      if (!due) throw error;
      overdue.push(id);
      await markOverdue(ports, agencyId, id, String(error));
    }
  }
  const expired: string[] = [];
  for (const { agencyId, id } of await ports.publications.work(
    'PUBLICATION_LIVE',
    addCalendarDays(today, -1),
  )) {
    if (await expire(ports, agencyId, id, today)) expired.push(id);
  }
  return { published, overdue, expired };
}

async function markOverdue(ports: PublicationPorts, agencyId: string, id: string, reason: string) {
  await withRetry(async () => {
    const publication = await getPublication(ports, agencyId, id);
    if (publication.status !== 'scheduled') return;
    const record = await getCase(ports, agencyId, publication.caseId);
    await commitPublication(
      ports,
      SYSTEM(agencyId),
      record,
      publication,
      { ...publication, status: 'overdue' },
      'publication.overdue',
      {
        dueBy: publication.dueBy,
        reason,
      },
    );
  });
}

/** LAW-6: the publication period is over; the record leaves the public list and stays in the archive. */
async function expire(
  ports: PublicationPorts,
  agencyId: string,
  id: string,
  today: string,
): Promise<boolean> {
  return withRetry(async () => {
    const publication = await getPublication(ports, agencyId, id);
    if (publication.status !== 'published' || !publication.expiresOn || publication.expiresOn >= today)
      return false;
    const record = await getCase(ports, agencyId, publication.caseId);
    await commitPublication(
      ports,
      SYSTEM(agencyId),
      record,
      publication,
      { ...publication, status: 'expired' },
      'publication.expired',
      { expiresOn: publication.expiresOn },
      [ports.publications.putPublicRecord(agencyId, { id, status: 'expired' }, false)],
    );
    return true;
  });
}

/**
 * A decision is changed, revoked, confirmed illegal or void, or to be re-made (PUB-11, LAW-1):
 * its publication comes off the public list at once, with the reason in its place; `withdrawBy`
 * (3 working days) is recorded as the legal limit it met.
 */
export async function revokeDecision(
  ports: PublicationPorts,
  principal: Principal,
  caseId: string,
  input: { kind: WithdrawalKind; reason: string },
) {
  return withRetry(async () => {
    const record = await getCase(ports, principal.agencyId, caseId);
    assertMayHandle(record, principal);
    if (!record.decision || record.status === 'revoked') {
      throw new RuleViolation('NO_DECISION', '本案没有可撤回的决定', [
        { path: 'id', message: record.status },
      ]);
    }
    const publication = await getPublication(ports, principal.agencyId, record.decision.publicationId);
    const now = ports.now();
    const today = legalDateOf(now);
    const withdrawBy = (await heldDeadline(ports, today, 3)).dueBy;
    const wasPublic = publication.status === 'published';
    const withdrawn: Publication = {
      ...publication,
      status: 'withdrawn',
      withdrawal: { ...input, requestedAt: now.toISOString(), withdrawBy, withdrawnAt: now.toISOString() },
      updatedAt: now.toISOString(),
      version: publication.version + 1,
    };
    // The reason is published: scrubbed like any published text, and the party's name masked.
    const hidden =
      record.party.kind === 'person'
        ? [{ full: record.party.name, masked: maskPersonName(record.party.name) }]
        : [];
    const reason = `${withdrawalLabels[input.kind]}：${scrubText(input.reason, hidden)}`;
    const push = wasPublic
      ? await deliveryWrites(ports, principal.agencyId, 'publication.withdrawn', publication.id, {
          id: publication.id,
          status: 'withdrawn',
          withdrawnAt: now.toISOString(),
          reason,
        })
      : [];
    await commitCaseChange(
      ports,
      record,
      principal,
      'decision.revoked',
      { kind: input.kind, reason: input.reason, publicationId: publication.id, wasPublic, withdrawBy },
      { status: 'revoked' },
      [
        ports.publications.put(withdrawn, publication.version),
        // Published or not yet, the publication now answers with the withdrawal and its reason,
        // unless nothing about it may be public at all (a minor, a secret: LAW-5).
        ...(publication.status === 'exempt'
          ? []
          : [
              ports.publications.putPublicRecord(
                principal.agencyId,
                { id: publication.id, status: 'withdrawn', withdrawnAt: now.toISOString(), reason },
                false,
              ),
            ]),
        ...push,
      ],
    );
    await ports.publish([
      {
        source: PUBLICATION_EVENT_SOURCE,
        detailType: PublicationWithdrawn.detailType,
        detail: PublicationWithdrawn.schema.parse({
          version: 1,
          agencyId: principal.agencyId,
          publicationId: publication.id,
          caseId,
          kind: input.kind,
          reason: input.reason,
          withdrawnAt: now.toISOString(),
          withdrawBy,
        }),
      },
    ]);
    return {
      publication: {
        id: publication.id,
        status: withdrawn.status,
        withdrawBy,
        withdrawnAt: now.toISOString(),
      },
    };
  });
}

/** An exemption recorded before the due date: the publication is not published (PUB-12). */
export async function exempt(
  ports: PublicationPorts,
  principal: Principal,
  id: string,
  input: { reason: string },
) {
  return withRetry(async () => {
    const publication = await getPublication(ports, principal.agencyId, id);
    if (!['scheduled', 'deadline-unconfirmed', 'overdue'].includes(publication.status)) {
      throw new Conflict('该公示当前状态不能豁免', [{ path: 'id', message: publication.status }]);
    }
    const record = await getCase(ports, principal.agencyId, publication.caseId);
    return commitPublication(
      ports,
      principal,
      record,
      publication,
      {
        ...publication,
        status: 'exempt',
        exemption: { reason: input.reason, by: principal.sub, at: ports.now().toISOString() },
      },
      'publication.exempted',
      { reason: input.reason },
    );
  });
}

/**
 * A year's calendar was loaded or changed (LAW-8): every open publication deadline is computed
 * again with it, and each change is journaled on its case.
 */
export async function recomputeDeadlines(ports: PublicationPorts, year: number) {
  const changed: string[] = [];
  const open = [
    ...(await ports.publications.work('PUBLICATION_UNCONFIRMED')),
    ...(await ports.publications.work('PUBLICATION_SCHEDULED')),
  ];
  for (const { agencyId, id } of open) {
    await withRetry(async () => {
      const publication = await getPublication(ports, agencyId, id);
      if (!['scheduled', 'deadline-unconfirmed'].includes(publication.status)) return;
      const touches = publication.dueBy === null || String(year) in publication.calendarVersions;
      if (!touches) return;
      const due = await heldDeadline(ports, publication.decidedOn, publication.workingDays);
      if (
        due.dueBy === publication.dueBy &&
        JSON.stringify(due.calendarVersions) === JSON.stringify(publication.calendarVersions)
      )
        return;
      const record = await getCase(ports, agencyId, publication.caseId);
      await commitPublication(
        ports,
        SYSTEM(agencyId),
        record,
        publication,
        {
          ...publication,
          dueBy: due.dueBy,
          calendarVersions: due.calendarVersions,
          status: due.dueBy ? 'scheduled' : 'deadline-unconfirmed',
        },
        'publication.deadline-recomputed',
        { year, from: publication.dueBy, to: due.dueBy, calendarVersions: due.calendarVersions },
      );
      await ports.scheduleDueDate({ id, dueBy: due.dueBy });
      changed.push(id);
    });
  }
  return { recomputed: changed };
}

/** The performance of a decision (履行情况, PUB-10) joins its public record once it is executed. */
export async function notePerformance(ports: PublicationPorts, record: CaseRecord): Promise<void> {
  if (!record.decision) return;
  const publicationId = record.decision.publicationId;
  await withRetry(async () => {
    const publication = await getPublication(ports, record.agencyId, publicationId);
    if (publication.status !== 'published') return;
    const current = (await ports.publications.getPublicRecord(publicationId)) as PublicRecord | undefined;
    if (!current || current.performance) return;
    const latest = await getCase(ports, record.agencyId, record.id);
    const on = legalDateOf(ports.now());
    await commitPublication(
      ports,
      SYSTEM(record.agencyId),
      latest,
      publication,
      publication,
      'publication.performance',
      { performance: 'executed', on },
      [
        ports.publications.putPublicRecord(
          record.agencyId,
          { ...current, performance: { status: 'executed', on } },
          true,
        ),
      ],
    );
  });
}
