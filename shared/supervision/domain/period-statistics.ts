import type { Counts } from '#shared/kernel/statistics.ts';

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10000) / 10000;

/** The counters under `prefix.` (`cases.byStatus`) as `{status: count}`, without zeros. */
function group(totals: Counts, prefix: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(totals)
      .filter(([name, value]) => name.startsWith(`${prefix}.`) && value !== 0)
      .map(([name, value]) => [name.slice(prefix.length + 1), value]),
  );
}

/** The statistics of a period from its summed counters (`GET /v1/stats`, without trainings). */
export function statisticsOf(totals: Counts) {
  const count = (name: string) => totals[name] ?? 0;
  const published = count('publications.published');
  const onTime = count('publications.publishedOnTime');
  const submitted = count('reviews.submitted');
  const needingAv = count('av.activitiesNeedingAv');
  const covered = count('av.covered');
  return {
    cases: {
      registered: count('cases.registered'),
      byCategory: group(totals, 'cases.byCategory'),
      byStatus: group(totals, 'cases.byStatus'),
    },
    publications: {
      decisions: count('publications.decisions'),
      byStatus: group(totals, 'publications.byStatus'),
      published,
      publishedOnTime: onTime,
      timelinessRate: rate(onTime, published),
    },
    reviews: {
      submitted,
      byStatus: group(totals, 'reviews.byStatus'),
      overdue: count('reviews.overdue'),
      rounds: count('reviews.rounds'),
      approvalRate: rate(count('reviews.byStatus.approved'), submitted),
    },
    av: {
      activitiesNeedingAv: needingAv,
      covered,
      coverageRate: rate(covered, needingAv),
      /** Evidence recorded with a device the agency has not registered (REC-10). */
      unregisteredDeviceEvidence: count('av.unregisteredDeviceEvidence'),
      /** On-site activities with no record of certificates shown and rights told (PUB-13). */
      informingNotRecorded: count('av.informingNotRecorded'),
    },
  };
}
