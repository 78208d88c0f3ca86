import { PUBLICATION_EVENT_SOURCE, PublicationPublished } from '#events/publication-events.ts';
import { CalendarNotConfirmed, workingDaysAfter, type YearCalendar } from '#shared/kernel/calendar.ts';
import { addCalendarMonths, legalDateOf } from '#shared/kernel/dates.ts';
import { Conflict, RuleViolation } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { yearCalendar } from '#shared/kernel/use-cases/calendar.ts';
import {
  buildPublicRecord,
  previewFlags,
  redactionContextFor,
} from '#shared/publicity/domain/public-record.ts';
import {
  confirmationRequired,
  isPublishable,
  type Publication,
  readyEarly,
  rulesMoment,
} from '#shared/publicity/domain/publication.ts';
import {
  changePublication,
  commitPublication,
  getPublication,
  type PublicationPorts,
  publicationRule,
} from '#shared/publicity/use-cases/publication-access.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { caseStatusLabels } from '#shared/recording/domain/state-machine.ts';
import { assertInScope, assertMayHandle, getCase } from '#shared/recording/use-cases/case-access.ts';
import { deliveryWrites } from '#shared/recording/use-cases/push.ts';

/** Past its due date nothing waits any more (PUB-12), not the rule nor a confirmation. */
export function isDue(publication: Publication, today: string): boolean {
  return publication.status === 'overdue' || (publication.dueBy !== null && publication.dueBy <= today);
}

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
