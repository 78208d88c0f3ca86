import { legalDateOf } from '#shared/kernel/dates.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { heldDeadline } from '#shared/kernel/use-cases/calendar.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import { REVIEW_WORKING_DAYS, type ReviewPorts } from '#shared/legal-review/use-cases/review-access.ts';
import { changeReview, saveReview } from '#shared/legal-review/use-cases/review-rounds.ts';
import { getCase } from '#shared/recording/use-cases/case-access.ts';

/** The scheduled job: open reviews past their due date are flagged `overdue` and journaled. */
export async function flagOverdueReviews(ports: ReviewPorts): Promise<{ flagged: string[] }> {
  const today = legalDateOf(ports.now());
  const flagged: string[] = [];
  for (const { agencyId, id } of await ports.reviews.dueBefore(today)) {
    await changeReview(ports, agencyId, id, async (review, record) => {
      if (review.status !== 'pending' || review.overdue || review.dueBy === null || review.dueBy >= today)
        return;
      const system: Principal = { sub: 'system:review-overdue', name: '审核期限监督', agencyId, roles: [] };
      await saveReview(ports, system, record, review, { ...review, overdue: true }, 'review.overdue', {
        dueBy: review.dueBy,
      });
      flagged.push(id);
    });
  }
  return { flagged };
}

/**
 * A year's calendar was loaded or changed (LAW-8): a pending review's due date computed again,
 * journaled on its case. An extended review keeps its extended date unless a year held it.
 */
export async function recomputeReviewDeadline(
  ports: ReviewPorts,
  agencyId: string,
  id: string,
  year: number,
): Promise<boolean> {
  return withRetry(async () => {
    const review = await ports.reviews.get(agencyId, id);
    const round = review?.rounds.at(-1);
    if (!review || !round || review.status !== 'pending') return false;
    if (review.dueBy !== null && (review.extension || !(String(year) in round.calendarVersions)))
      return false;
    const profile = await ports.agencies.get(agencyId);
    const due = await heldDeadline(
      ports,
      legalDateOf(new Date(round.submittedAt)),
      profile?.reviewWorkingDays ?? REVIEW_WORKING_DAYS,
    );
    if (due.dueBy === review.dueBy) return false;
    const system: Principal = { sub: 'system:calendar', name: '节假日日历', agencyId, roles: [] };
    const rounds = review.rounds.map((item) =>
      item.round === round.round
        ? { ...item, dueBy: due.dueBy, calendarVersions: due.calendarVersions }
        : item,
    );
    await saveReview(
      ports,
      system,
      await getCase(ports, agencyId, review.caseId),
      review,
      { ...review, rounds, dueBy: due.dueBy },
      'review.deadline-recomputed',
      {
        year,
        from: review.dueBy,
        to: due.dueBy,
      },
    );
    return true;
  });
}
