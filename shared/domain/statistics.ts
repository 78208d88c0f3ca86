import { legalDateOf } from '#shared/dates.ts';
import { ANNUAL_CATEGORIES, type AnnualData } from '#shared/domain/annual-report.ts';
import { type AvRequirement, ON_SITE_ACTIVITIES, STATUTORY_AV } from '#shared/domain/cases/av-requirement.ts';
import type { Activity, CaseRecord } from '#shared/domain/cases/case.ts';
import type { Evidence } from '#shared/domain/cases/evidence.ts';
import type { Publication } from '#shared/domain/publication.ts';
import type { Review } from '#shared/domain/reviews/review.ts';

/**
 * Statistics as counters (REC-9, ORG-1, LAW-7): what each record adds to the counts of a day
 * (Asia/Shanghai), so that a change adds `after - before` to the day's counters in the same
 * transaction, and a question over a period sums the days instead of reading every case.
 *
 * Counter names are flat (`cases.byStatus.decided`); a record counts on the day it belongs to:
 * a case on the day it was registered (and each decision on the day it was made), a publication
 * on its decision day, a review on the day it was asked for, an activity on the day it started,
 * evidence on the day it was declared.
 */
export type Counts = Record<string, number>;
export interface DayCounts {
  day: string;
  counts: Counts;
}

const dayOf = (instant: string) => legalDateOf(new Date(instant));
const flag = (condition: boolean) => (condition ? 1 : 0);

export function caseCounts(record: CaseRecord): DayCounts[] {
  const decisions = [...(record.previousDecisions ?? []), ...(record.decision ? [record.decision] : [])];
  return [
    {
      day: dayOf(record.createdAt),
      counts: {
        'cases.registered': 1,
        [`cases.byCategory.${record.category}`]: 1,
        [`cases.byStatus.${record.status}`]: 1,
      },
    },
    ...decisions.map((decision) => ({
      day: decision.decidedOn,
      counts: { [`decisions.byCategory.${record.category}`]: 1 },
    })),
  ];
}

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

/**
 * What AV an activity needed when it was recorded; an activity recorded before the requirement
 * was kept on it needs the statutory minimum.
 */
export const neededAv = (activity: Pick<Activity, 'type' | 'avRequirement'>): AvRequirement =>
  activity.avRequirement ?? STATUTORY_AV[activity.type] ?? 'none';

export function activityCounts(activity: Activity): DayCounts[] {
  const needsAv = neededAv(activity) !== 'none';
  return [
    {
      day: dayOf(activity.startedAt),
      counts: {
        'av.activitiesNeedingAv': flag(needsAv),
        'av.covered': flag(needsAv && activity.avArchived === true),
        'av.informingNotRecorded': flag(
          ON_SITE_ACTIVITIES.includes(activity.type) && activity.informing === undefined,
        ),
      },
    },
  ];
}

export function evidenceCounts(evidence: Evidence): DayCounts[] {
  return [
    {
      day: dayOf(evidence.createdAt),
      counts: { 'av.unregisteredDeviceEvidence': flag(evidence.unregisteredDevice === true) },
    },
  ];
}

/** What a change from `before` (nothing, for a new record) to `after` adds, day by day; no zeros. */
export function countsDelta(before: readonly DayCounts[], after: readonly DayCounts[]): DayCounts[] {
  const days = new Map<string, Counts>();
  const add = (entries: readonly DayCounts[], sign: 1 | -1) => {
    for (const { day, counts } of entries) {
      const sum = days.get(day) ?? {};
      for (const [name, value] of Object.entries(counts)) sum[name] = (sum[name] ?? 0) + sign * value;
      days.set(day, sum);
    }
  };
  add(before, -1);
  add(after, 1);
  return [...days]
    .map(([day, counts]) => ({
      day,
      counts: Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== 0)),
    }))
    .filter(({ counts }) => Object.keys(counts).length > 0);
}

/** Sums deltas of the same day (one transaction writes each day's counter item once). */
export const mergeDays = (deltas: readonly DayCounts[]): DayCounts[] => countsDelta([], deltas);

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

/** A year's enforcement data for the annual report (LAW-7) from the year's summed counters. */
export function annualDataOf(totals: Counts) {
  return {
    data: Object.fromEntries(
      ANNUAL_CATEGORIES.map((category) => [category, totals[`decisions.byCategory.${category}`] ?? 0]),
    ) as AnnualData,
    publications: {
      published: totals['publications.published'] ?? 0,
      withdrawn: totals['publications.byStatus.withdrawn'] ?? 0,
    },
  };
}
