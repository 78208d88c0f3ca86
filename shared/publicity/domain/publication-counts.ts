import { type DayCounts, flag } from '#shared/kernel/statistics.ts';
import type { Publication } from '#shared/publicity/domain/publication.ts';

/** What a publication adds to the counters (`shared/kernel/statistics.ts`): on its decision day. */
export function publicationCounts(publication: Publication): DayCounts[] {
  const published = publication.publishedOn !== undefined;
  return [
    {
      day: publication.decidedOn,
      counts: {
        'publications.decisions': 1,
        [`publications.byStatus.${publication.status}`]: 1,
        'publications.published': flag(published),
        'publications.publishedOnTime': flag(
          published && publication.dueBy !== null && (publication.publishedOn ?? '') <= publication.dueBy,
        ),
      },
    },
  ];
}
