import { legalDateOf } from '#shared/kernel/dates.ts';

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

/** The day (Asia/Shanghai) an instant counts on. */
export const dayOf = (instant: string) => legalDateOf(new Date(instant));
/** 1 when the condition holds, 0 otherwise: a counter's share of a record. */
export const flag = (condition: boolean) => (condition ? 1 : 0);

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
