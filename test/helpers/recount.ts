import type { Counts, DayCounts } from '#shared/kernel/statistics.ts';
import { reviewCounts } from '#shared/legal-review/domain/review-counts.ts';
import { publicationCounts } from '#shared/publicity/domain/publication-counts.ts';
import { activityCounts, caseCounts, evidenceCounts } from '#shared/recording/domain/case-counts.ts';
import { ports } from '#shared/repositories.ts';
import { statisticsOf } from '#shared/supervision/domain/period-statistics.ts';

/**
 * The statistics counted afresh from every record of the agency, as they were before counters:
 * the oracle the day counters are held to. AV coverage comes from the archived evidence itself,
 * not from the activity's mark.
 */
export async function recountStatistics(agencyId: string, from: string, to: string) {
  const days: DayCounts[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.cases.list(agencyId, { limit: 100, cursor });
    for (const record of page.items) {
      days.push(...caseCounts(record));
      const [activities, evidence] = await Promise.all([
        ports.cases.activities(agencyId, record.id),
        ports.evidence.forCase(agencyId, record.id),
      ]);
      for (const activity of activities) {
        const archived = evidence.some(
          (item) => item.activityId === activity.id && item.status === 'archived',
        );
        days.push(...activityCounts({ ...activity, avArchived: archived }));
      }
      for (const item of evidence) days.push(...evidenceCounts(item));
    }
    cursor = page.nextCursor;
  } while (cursor);
  for (const publication of await ports.publications.list(agencyId))
    days.push(...publicationCounts(publication));
  for (const review of await ports.reviews.list(agencyId)) days.push(...reviewCounts(review));
  const totals: Counts = {};
  for (const { day, counts } of days) {
    if (day < from || day > to) continue;
    for (const [name, value] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + value;
  }
  return statisticsOf(totals);
}
