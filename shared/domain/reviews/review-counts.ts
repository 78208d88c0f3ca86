import type { Review } from '#shared/domain/reviews/review.ts';
import { type DayCounts, dayOf, flag } from '#shared/domain/statistics.ts';

/** What a review adds to the counters (`shared/domain/statistics.ts`): on the day it was asked for. */
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
