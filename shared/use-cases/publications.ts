import {
  PUBLICATION_EVENT_SOURCE,
  PublicationPublished,
  PublicationWithdrawn,
} from '#events/publication-events.ts';
import type { Principal } from '#shared/auth.ts';
import { forEachConcurrently } from '#shared/concurrency.ts';
import { addCalendarDays, addCalendarMonths, legalDateOf } from '#shared/dates.ts';
import { CalendarNotConfirmed, workingDaysAfter, type YearCalendar } from '#shared/domain/calendar.ts';
import type { CaseRecord } from '#shared/domain/cases/case.ts';
import { revocationVerdict } from '#shared/domain/cases/issuance.ts';
import { caseStatusLabels } from '#shared/domain/cases/state-machine.ts';
import { redact } from '#shared/domain/desensitise.ts';
import type { EnforcementCategory } from '#shared/domain/officer.ts';
import {
  buildPublicRecord,
  type PublicRecord,
  previewFlags,
  redactionContextFor,
} from '#shared/domain/public-record.ts';
import {
  confirmationRequired,
  defaultRule,
  isPublishable,
  type Publication,
  type PublicationRule,
  type RevocationInput,
  readyEarly,
  rulesMoment,
} from '#shared/domain/publication.ts';
import { withdrawalLabels } from '#shared/domain/withdrawal.ts';
import { Conflict, failureReason, NotFound, RuleViolation } from '#shared/errors.ts';
import type { DomainEvent } from '#shared/events/publisher.ts';
import { logger } from '#shared/observability.ts';
import type { ChildWrite } from '#shared/store/child-write.ts';
import type { Port } from '#shared/store/port.ts';
import type { PublicationRepository } from '#shared/store/publication-repository.ts';
import { type ReferralPorts, referralActedOn } from '#shared/supervision/use-cases/referrals.ts';
import { heldDeadline, yearCalendar } from '#shared/use-cases/calendar.ts';
import { assertInScope, assertMayHandle, getCase } from '#shared/use-cases/case-access.ts';
import { changeCase, changeWithCase, commitCaseChange } from '#shared/use-cases/case-commit.ts';
import { deliveryWrites, type PushPorts } from '#shared/use-cases/push.ts';
import { withRetry } from '#shared/use-cases/retry.ts';
import type { ReviewPorts } from '#shared/use-cases/review-access.ts';

export interface PublicationPorts extends ReviewPorts, PushPorts {
  publications: Port<PublicationRepository>;
  publish: (events: DomainEvent[]) => Promise<void>;
  scheduleDueDate: (publication: { id: string; dueBy: string | null }) => Promise<void>;
}

const SYSTEM = (agencyId: string): Principal => ({
  sub: 'system:publication-sweep',
  name: '自动公示',
  agencyId,
  roles: [],
});

/** An administrator sets how the agency publishes one category's decisions (days, when, how long, masking). */
export async function setPublicationRule(
  ports: Pick<PublicationPorts, 'publications' | 'now'>,
  principal: Principal,
  category: string,
  rule: PublicationRule,
): Promise<PublicationRule & { category: string }> {
  await ports.publications.putRule(
    principal.agencyId,
    category,
    rule,
    principal.sub,
    ports.now().toISOString(),
  );
  // A rule that now publishes sooner may make waiting publications ready: the sweep looks at the
  // category's open ones again (it decides; the hint only puts them on its list).
  for (const publication of await ports.publications.open(principal.agencyId))
    if (publication.category === category && !publication.ready && publication.status !== 'overdue')
      await ports.publications.hintReady(publication);
  return { category, ...rule };
}

/** The agency's rule for a category (PUB-1), or the default of PUB-9. */
export async function publicationRule(
  ports: { publications: Port<PublicationRepository> },
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
    ports.publications.put(saved, publication),
    ...extra,
  ]);
  return saved;
}

/** Is a scheduled publication ready by its rule (decided, or served), regardless of its due date? */

/** Past its due date nothing waits any more (PUB-12), not the rule nor a confirmation. */
function isDue(publication: Publication, today: string): boolean {
  return publication.status === 'overdue' || (publication.dueBy !== null && publication.dueBy <= today);
}

/** What may still be published: waiting for its date, past it, or with a date the calendar holds. */

/** The public record as it would be published now, with what it was built from. */
async function composePublicRecord(
  ports: PublicationPorts,
  record: CaseRecord,
  publication: Publication,
  now: Date,
) {
  const { agencyId } = publication;
  const decision = [record.decision, ...(record.previousDecisions ?? [])].find(
    (item) => item?.id === publication.decisionId,
  );
  if (!decision) throw new Conflict('公示对应的决定不存在');
  const [rule, profile, documents] = await Promise.all([
    publicationRule(ports, agencyId, publication.category),
    ports.agencies.get(agencyId),
    ports.cases.documents(agencyId, record.id),
  ]);
  const publishedOn = legalDateOf(now);
  const expiresOn = addCalendarMonths(publishedOn, publication.periodMonths);
  const context = redactionContextFor(record, documents, rule);
  const publicRecord = buildPublicRecord({
    record,
    decision,
    publication,
    agencyName: profile?.name ?? agencyId,
    rule,
    publishedOn,
    expiresOn,
    context,
  });
  return { record, decision, rule, context, publicRecord, publishedOn, expiresOn };
}

/**
 * The preview a person checks before publication (审查, PUB-1, LAW-5): the public record as it
 * would appear, and the passages that the redactor removes or that still look like personal data.
 */
export async function previewPublication(ports: PublicationPorts, principal: Principal, id: string) {
  const publication = await getPublication(ports, principal.agencyId, id);
  const record = await getCase(ports, principal.agencyId, publication.caseId);
  assertInScope(record, principal);
  const { decision, rule, context, publicRecord } = await composePublicRecord(
    ports,
    record,
    publication,
    ports.now(),
  );
  return {
    publication: {
      id: publication.id,
      status: publication.status,
      dueBy: publication.dueBy,
      requiresConfirmation: confirmationRequired(rule, record.party),
      ...(publication.confirmation ? { confirmation: publication.confirmation } : {}),
    },
    record: publicRecord,
    flags: previewFlags(decision, context),
  };
}

/** A command on a publication and its case, read afresh on each attempt (`changeWithCase`). */
const changePublication = <T>(
  ports: PublicationPorts,
  agencyId: string,
  id: string,
  change: (publication: Publication, record: CaseRecord) => Promise<T>,
): Promise<T> => changeWithCase(ports, agencyId, () => getPublication(ports, agencyId, id), change);

/** A person checked the preview and confirms it (审查): the sweep may publish it when ready. */
export async function confirmPublication(ports: PublicationPorts, principal: Principal, id: string) {
  return changePublication(ports, principal.agencyId, id, async (publication, record) => {
    if (!isPublishable(publication.status)) {
      throw new Conflict('该公示当前状态不需要审查确认', [{ path: 'id', message: publication.status }]);
    }
    assertMayHandle(record, principal);
    if (publication.confirmation) return publication;
    const confirmation = { by: principal.sub, byName: principal.name, at: ports.now().toISOString() };
    const rule = await publicationRule(ports, principal.agencyId, publication.category);
    return commitPublication(
      ports,
      principal,
      record,
      publication,
      { ...publication, confirmation, ready: readyEarly(rule, record, true) },
      'publication.confirmed',
      { confirmedBy: principal.sub },
    );
  });
}

/** Working days between the due date and the day it went out, or null if the calendar cannot say. */
async function lateBy(ports: PublicationPorts, dueBy: string, publishedOn: string): Promise<number | null> {
  const years = new Map<number, YearCalendar | undefined>();
  for (let year = Number(dueBy.slice(0, 4)); year <= Number(publishedOn.slice(0, 4)); year += 1)
    years.set(year, await yearCalendar(ports, year));
  try {
    return workingDaysAfter((year) => years.get(year), dueBy, publishedOn);
  } catch (error) {
    if (error instanceof CalendarNotConfirmed) return null;
    throw error;
  }
}

/**
 * A person publishes before the sweep would (PUB-12): the head of the case's unit or an
 * administrator, and only once the rule says it is ready (after service, say), unless its due
 * date has come, when nothing waits. Undefined if it is no longer to be published.
 */
export async function publishByHand(
  ports: PublicationPorts,
  principal: Principal,
  id: string,
): Promise<Publication | undefined> {
  const publication = await getPublication(ports, principal.agencyId, id);
  const record = await getCase(ports, principal.agencyId, publication.caseId);
  assertMayHandle(record, principal);
  const rule = await publicationRule(ports, principal.agencyId, publication.category);
  if (
    isPublishable(publication.status) &&
    !isDue(publication, legalDateOf(ports.now())) &&
    !rulesMoment(rule, record.status)
  ) {
    throw new RuleViolation('PUBLICATION_NOT_READY', '按本机关公示规则，该决定送达后方可公示', [
      { path: 'id', message: `案件当前状态：${caseStatusLabels[record.status]}` },
    ]);
  }
  return publishNow(ports, principal, principal.agencyId, id);
}

/**
 * Publishes one publication now, if it is still to be published (PUB-12): scheduled, overdue or
 * with an unconfirmed due date. Conditional on the version read, so a retried, restarted or
 * concurrent sweep publishes it exactly once. One published after its due date says how late.
 */
export async function publishNow(
  ports: PublicationPorts,
  principal: Principal,
  agencyId: string,
  id: string,
): Promise<Publication | undefined> {
  return changePublication(ports, agencyId, id, async (publication, record) => {
    if (!isPublishable(publication.status)) return undefined;
    const now = ports.now();
    const { rule, publicRecord, publishedOn, expiresOn } = await composePublicRecord(
      ports,
      record,
      publication,
      now,
    );
    // A person who publishes has checked it (审查); the sweep says when it published unconfirmed.
    const person = !principal.sub.startsWith('system:');
    const confirmation =
      publication.confirmation ??
      (person ? { by: principal.sub, byName: principal.name, at: now.toISOString() } : undefined);
    const unconfirmed = confirmationRequired(rule, record.party) && confirmation === undefined;
    const late = publication.dueBy !== null && publishedOn > publication.dueBy;
    const lateByWorkingDays =
      late && publication.dueBy !== null ? await lateBy(ports, publication.dueBy, publishedOn) : undefined;
    const { lastFailure: _failure, ...rest } = publication;
    const push = await deliveryWrites(ports, agencyId, 'publication.published', id, { ...publicRecord });
    const saved = await commitPublication(
      ports,
      principal,
      record,
      publication,
      {
        ...rest,
        status: 'published',
        publishedAt: now.toISOString(),
        publishedOn,
        expiresOn,
        ...(late ? { late, lateByWorkingDays: lateByWorkingDays ?? null } : {}),
        ...(confirmation ? { confirmation } : {}),
      },
      'publication.published',
      {
        ...(unconfirmed ? { unconfirmed: true, note: '公示期限届满，未经人工审查按期发布 (PUB-12)' } : {}),
        publishedOn,
        dueBy: publication.dueBy,
        late,
        ...(late ? { lateByWorkingDays: lateByWorkingDays ?? null } : {}),
        from: publication.status,
      },
      [ports.publications.putPublicRecord(agencyId, publicRecord, true, now.toISOString()), ...push],
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
/** Publications the sweep works on at a time. */
const SWEEP_CONCURRENCY = 16;

export async function sweepPublications(ports: PublicationPorts) {
  const today = legalDateOf(ports.now());
  const published: string[] = [];
  const overdue: string[] = [];
  const failed: string[] = [];
  const work = [
    ...(await ports.publications.work('PUBLICATION_OVERDUE')),
    // Scheduled ones only once due: before, those whose moment came are on the ready list.
    ...(await ports.publications.work('PUBLICATION_SCHEDULED', today)),
    ...(await ports.publications.work('PUBLICATION_READY')),
    ...(await ports.publications.work('PUBLICATION_UNCONFIRMED')),
  ];
  // Publications of different cases commit on different items: several at a time (the rare two
  // of one case meet on its version, and the loser is retried by its kernel).
  await forEachConcurrently(work, SWEEP_CONCURRENCY, async ({ agencyId, id }) => {
    const publication = await ports.publications.get(agencyId, id);
    if (!publication || !isPublishable(publication.status)) return;
    // Past its due date nothing waits any more (PUB-12); before it, the rule says when it is
    // ready; an unconfirmed due date holds only the date, never the publication (LAW-8).
    const due = isDue(publication, today);
    const record = await ports.cases.get(agencyId, publication.caseId);
    const rule = await publicationRule(ports, agencyId, publication.category);
    if (!due && !(record && readyEarly(rule, record, publication.confirmation !== undefined))) return;
    try {
      if (await publishNow(ports, SYSTEM(agencyId), agencyId, id)) published.push(id);
    } catch (error) {
      // A failure is retried by the next sweep; past the due date it is listed as overdue.
      failed.push(id);
      logger.error('publication failed', { agencyId, publicationId: id, error: error as Error });
      const pastDue = publication.dueBy !== null && publication.dueBy < today;
      if (await noteFailure(ports, agencyId, id, failureReason(error), pastDue)) overdue.push(id);
    }
  });
  const expired: string[] = [];
  await forEachConcurrently(
    await ports.publications.work('PUBLICATION_LIVE', addCalendarDays(today, -1)),
    SWEEP_CONCURRENCY,
    async ({ agencyId, id }) => {
      if (await expire(ports, agencyId, id, today)) expired.push(id);
    },
  );
  return { published, overdue, failed, expired };
}

/**
 * A publication the sweep could not publish: the failure is kept and the next sweep tries again;
 * one past its due date becomes `overdue` (and stays on the sweep's list until it is published).
 * Returns whether it became overdue now.
 */
async function noteFailure(
  ports: PublicationPorts,
  agencyId: string,
  id: string,
  reason: string,
  pastDue: boolean,
): Promise<boolean> {
  try {
    return await changePublication(ports, agencyId, id, async (publication, record) => {
      if (!isPublishable(publication.status)) return false;
      const becomesOverdue = pastDue && publication.status !== 'overdue';
      await commitPublication(
        ports,
        SYSTEM(agencyId),
        record,
        publication,
        {
          ...publication,
          ...(becomesOverdue ? { status: 'overdue' as const } : {}),
          lastFailure: { at: ports.now().toISOString(), reason: reason.slice(0, 500) },
        },
        becomesOverdue ? 'publication.overdue' : 'publication.failed',
        { dueBy: publication.dueBy, reason: reason.slice(0, 500) },
      );
      return becomesOverdue;
    });
  } catch {
    // Even the note failed (the store is down): the publication is untouched and retried next time.
    return false;
  }
}

/** LAW-6: the publication period is over; the record leaves the public list and stays in the archive. */
async function expire(
  ports: PublicationPorts,
  agencyId: string,
  id: string,
  today: string,
): Promise<boolean> {
  return changePublication(ports, agencyId, id, async (publication, record) => {
    if (publication.status !== 'published' || !publication.expiresOn || publication.expiresOn >= today)
      return false;
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
  ports: PublicationPorts & ReferralPorts,
  principal: Principal,
  caseId: string,
  input: RevocationInput,
) {
  return changeCase(
    ports,
    principal,
    caseId,
    async (record) => {
      const now = ports.now();
      const today = legalDateOf(now);
      const verdict = revocationVerdict({ record, effectiveOn: input.effectiveOn, today });
      if (!verdict.allowed) throw verdict.error;
      const { decision } = verdict;
      const publication = await getPublication(ports, principal.agencyId, decision.publicationId);
      // LAW-1: 3 working days from the day the revocation took effect, not from this request.
      const withdrawBy = (await heldDeadline(ports, input.effectiveOn, 3)).dueBy;
      const late = withdrawBy !== null && today > withdrawBy;
      const wasPublic = publication.status === 'published';
      const withdrawn: Publication = {
        ...publication,
        status: 'withdrawn',
        withdrawal: {
          ...input,
          requestedAt: now.toISOString(),
          withdrawBy,
          withdrawnAt: now.toISOString(),
          ...(late ? { late } : {}),
        },
        updatedAt: now.toISOString(),
        version: publication.version + 1,
      };
      // The reason is published: redacted like any published text, the party's name masked.
      const [rule, documents] = await Promise.all([
        publicationRule(ports, principal.agencyId, record.category),
        ports.cases.documents(principal.agencyId, record.id),
      ]);
      const reason = `${withdrawalLabels[input.kind]}：${redact(input.reason, redactionContextFor(record, documents, rule))}`;
      // SUP-3: the supervisory body's referral open on this decision is done by its revocation.
      const referral = await referralActedOn(
        ports,
        principal,
        {
          agencyId: principal.agencyId,
          caseId: record.id,
          named: input.referralId,
          kind: input.kind,
          effectiveOn: input.effectiveOn,
        },
        now,
      );
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
        {
          kind: input.kind,
          reason: input.reason,
          effectiveOn: input.effectiveOn,
          ...(input.authority ? { authority: input.authority } : {}),
          ...(input.documentNo ? { documentNo: input.documentNo } : {}),
          publicationId: publication.id,
          wasPublic,
          withdrawBy,
          late,
          ...(referral.referralId ? { referralId: referral.referralId } : {}),
        },
        {
          status: 'revoked',
          decision: { ...decision, revokedAt: now.toISOString(), revocationKind: input.kind },
        },
        [
          ports.publications.put(withdrawn, publication),
          // Published or not yet, the publication now answers with the withdrawal and its reason,
          // unless nothing about it may be public at all (a minor, a secret: LAW-5).
          ...(publication.status === 'exempt'
            ? []
            : [
                ports.publications.putPublicRecord(
                  principal.agencyId,
                  {
                    id: publication.id,
                    agencyId: principal.agencyId,
                    status: 'withdrawn',
                    withdrawnAt: now.toISOString(),
                    reason,
                  },
                  false,
                  // A withdrawal of what the public saw is news for the feed (PUB-14).
                  wasPublic ? now.toISOString() : undefined,
                ),
              ]),
          ...push,
          ...referral.writes,
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
          effectiveOn: input.effectiveOn,
          withdrawBy,
          withdrawnAt: now.toISOString(),
          late,
        },
        ...(referral.referralId ? { referralId: referral.referralId } : {}),
      };
      // A revocation corrects the agency's decision (PUB-11); it is no act of the case's officers.
    },
    { officersAct: false },
  );
}

/** An exemption recorded before the due date: the publication is not published (PUB-12). */
export async function exemptPublication(
  ports: PublicationPorts,
  principal: Principal,
  id: string,
  input: { reason: string },
) {
  return changePublication(ports, principal.agencyId, id, async (publication, record) => {
    if (!isPublishable(publication.status)) {
      throw new Conflict('该公示当前状态不能豁免', [{ path: 'id', message: publication.status }]);
    }
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
 * A year's calendar was loaded or changed (LAW-8): one open publication's deadline computed again
 * with it, journaled on its case. Returns whether it changed. Safe to run twice.
 */
export async function recomputePublicationDeadline(
  ports: PublicationPorts,
  agencyId: string,
  id: string,
  year: number,
): Promise<boolean> {
  return withRetry(async () => {
    const publication = await ports.publications.get(agencyId, id);
    if (!publication || !isPublishable(publication.status)) return false;
    const touches = publication.dueBy === null || String(year) in publication.calendarVersions;
    if (!touches) return false;
    const due = await heldDeadline(ports, publication.decidedOn, publication.workingDays);
    if (
      due.dueBy === publication.dueBy &&
      JSON.stringify(due.calendarVersions) === JSON.stringify(publication.calendarVersions)
    )
      return false;
    const record = await getCase(ports, agencyId, publication.caseId);
    // An overdue publication stays overdue (it is past a due date); the others follow the date.
    const status =
      publication.status === 'overdue' ? 'overdue' : due.dueBy ? 'scheduled' : 'deadline-unconfirmed';
    await commitPublication(
      ports,
      SYSTEM(agencyId),
      record,
      publication,
      { ...publication, dueBy: due.dueBy, calendarVersions: due.calendarVersions, status },
      'publication.deadline-recomputed',
      { year, from: publication.dueBy, to: due.dueBy, calendarVersions: due.calendarVersions },
    );
    await ports.scheduleDueDate({ id, dueBy: due.dueBy });
    return true;
  });
}

/** The performance of a decision (履行情况, PUB-10) joins its public record once it is executed. */
export async function notePerformance(ports: PublicationPorts, record: CaseRecord): Promise<void> {
  if (!record.decision) return;
  const publicationId = record.decision.publicationId;
  await changePublication(ports, record.agencyId, publicationId, async (publication, latest) => {
    if (publication.status !== 'published') return;
    const current = (await ports.publications.getPublicRecord(publicationId)) as PublicRecord | undefined;
    if (!current || current.performance) return;
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
          typeof current.feedAt === 'string' ? current.feedAt : undefined,
        ),
      ],
    );
  });
}
