import { forEachConcurrently } from '#shared/concurrency.ts';
import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import { failureReason } from '#shared/kernel/errors.ts';
import { heldDeadline } from '#shared/kernel/use-cases/calendar.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import { logger } from '#shared/observability.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import { isPublishable, readyEarly } from '#shared/publicity/domain/publication.ts';
import {
  changePublication,
  commitPublication,
  type PublicationPorts,
  publicationRule,
  SYSTEM,
} from '#shared/publicity/use-cases/publication-access.ts';
import { isDue, publishNow } from '#shared/publicity/use-cases/publish-decision.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { getCase } from '#shared/recording/use-cases/case-access.ts';

/** Publications the sweep works on at a time. */
const SWEEP_CONCURRENCY = 16;

/**
 * The sweep (every 15 minutes, PUB-12): publishes every scheduled publication that is ready by
 * its rule and, whatever else is pending, every one whose due date has come; takes expired
 * publications off the public list (LAW-6). Safe to run twice at once or again after a crash.
 */
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
