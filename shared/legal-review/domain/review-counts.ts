import { type DayCounts, dayOf, flag } from '#shared/kernel/statistics.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';

/** What a review adds to the counters (`shared/kernel/statistics.ts`): on the day it was asked for. */
export function reviewCounts(review: Review): DayCounts[] {
  return [
    {
      day: dayOf(review.createdAt),
      counts: {
        'reviews.submitted': 1,
        [`reviews.byStatus.${review.status}`]: 1,
        'reviews.overdue': flag(review.overdue === true),
        'reviews.rounds': review.round,
      },
    },
  ];
}
