import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Counts, countsDelta, type DayCounts, mergeDays } from '#shared/kernel/statistics.ts';
import {
  counterWrites,
  rangeKeys,
  STATISTICS_SHARDS,
  shardOf,
} from '#shared/kernel/store/statistics-repository.ts';
import { annualDataOf } from '#shared/publicity/domain/annual-report.ts';
import type { Activity, CaseRecord, Decision } from '#shared/recording/domain/case.ts';
import { activityCounts, caseCounts } from '#shared/recording/domain/case-counts.ts';
import { statisticsOf } from '#shared/supervision/domain/period-statistics.ts';

const sum = (entries: readonly DayCounts[]) => {
  const totals: Record<string, Counts> = {};
  for (const { day, counts } of entries) {
    totals[day] ??= {};
    for (const [name, value] of Object.entries(counts)) totals[day][name] = (totals[day][name] ?? 0) + value;
  }
  return Object.fromEntries(
    Object.entries(totals).map(([day, counts]) => [
      day,
      Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== 0)),
    ]),
  );
};
const dropEmpty = (totals: Record<string, Counts>) =>
  Object.fromEntries(Object.entries(totals).filter(([, counts]) => Object.keys(counts).length > 0));

const dayCounts = fc.array(
  fc.record({
    day: fc.constantFrom('2026-01-01', '2026-01-02', '2026-12-31'),
    counts: fc.dictionary(fc.constantFrom('a.x', 'a.y', 'b.z'), fc.integer({ min: -3, max: 3 })),
  }),
  { maxLength: 8 },
);

const record = (change: Partial<CaseRecord> = {}) =>
  ({
    id: '01CASE',
    agencyId: 'agency',
    category: 'penalty',
    status: 'registered',
    createdAt: '2026-03-01T17:00:00.000Z',
    ...change,
  }) as CaseRecord;
const decision = (decidedOn: string) => ({ decidedOn }) as Decision;

describe('statistics as day counters', () => {
  it('[REC-9] a delta applied to the counts before gives the counts after, day by day, whatever the records', () => {
    fc.assert(
      fc.property(dayCounts, dayCounts, (before, after) => {
        const applied = sum([...before, ...countsDelta(before, after)]);
        expect(dropEmpty(applied)).toEqual(dropEmpty(sum(after)));
        for (const { counts } of countsDelta(before, after))
          expect(Object.values(counts).every((value) => value !== 0)).toBe(true);
      }),
    );
  });

  it('merges what one transaction adds to a day into one entry (a transaction writes an item once)', () => {
    const merged = mergeDays([
      { day: '2026-01-01', counts: { 'a.x': 1 } },
      { day: '2026-01-02', counts: { 'a.x': 1 } },
      { day: '2026-01-01', counts: { 'a.x': 2, 'a.y': -1 } },
    ]);
    expect(merged).toEqual([
      { day: '2026-01-01', counts: { 'a.x': 3, 'a.y': -1 } },
      { day: '2026-01-02', counts: { 'a.x': 1 } },
    ]);
  });

  it('[REC-9] a case counts on its registration day in Asia/Shanghai, and its status moves without counting it twice', () => {
    // 17:00 UTC on 1 March is 2 March in Beijing.
    expect(caseCounts(record())).toEqual([
      {
        day: '2026-03-02',
        counts: { 'cases.registered': 1, 'cases.byCategory.penalty': 1, 'cases.byStatus.registered': 1 },
      },
    ]);
    expect(countsDelta(caseCounts(record()), caseCounts(record({ status: 'investigating' })))).toEqual([
      { day: '2026-03-02', counts: { 'cases.byStatus.registered': -1, 'cases.byStatus.investigating': 1 } },
    ]);
  });

  it('[LAW-7] every decision of a case counts on its own day, a replaced one too', () => {
    const decided = record({
      status: 'decided',
      decision: decision('2027-01-05'),
      previousDecisions: [decision('2026-12-20')],
    });
    const delta = countsDelta(
      caseCounts(record({ status: 'revoked', decision: decision('2026-12-20') })),
      caseCounts(decided),
    );
    expect(delta).toEqual([
      { day: '2026-03-02', counts: { 'cases.byStatus.revoked': -1, 'cases.byStatus.decided': 1 } },
      { day: '2027-01-05', counts: { 'decisions.byCategory.penalty': 1 } },
    ]);
    expect(annualDataOf({ 'decisions.byCategory.penalty': 2, 'publications.byStatus.withdrawn': 1 })).toEqual(
      {
        data: { licensing: 0, penalty: 2, coercion: 0, levy: 0, requisition: 0, inspection: 0, other: 0 },
        publications: { published: 0, withdrawn: 1 },
      },
    );
  });

  it('[REC-4] [PUB-13] an activity needs the AV kept on it (the statutory minimum for older ones), and is covered once its AV arrives', () => {
    const activity = {
      type: 'on-site-inspection',
      startedAt: '2026-05-01T02:00:00.000Z',
    } as Activity;
    expect(activityCounts(activity)[0]?.counts).toEqual({
      'av.activitiesNeedingAv': 1,
      'av.covered': 0,
      'av.informingNotRecorded': 1,
    });
    expect(activityCounts({ ...activity, avRequirement: 'none' })[0]?.counts['av.activitiesNeedingAv']).toBe(
      0,
    );
    expect(
      countsDelta(
        activityCounts(activity),
        activityCounts({ ...activity, avArchived: true, informing: {} as never }),
      ),
    ).toEqual([{ day: '2026-05-01', counts: { 'av.covered': 1, 'av.informingNotRecorded': -1 } }]);
  });

  it('[ORG-1] rates are null when nothing was counted, and statuses that came and went are not listed', () => {
    const stats = statisticsOf({
      'cases.registered': 2,
      'cases.byStatus.registered': 0,
      'cases.byStatus.decided': 2,
      'publications.published': 4,
      'publications.publishedOnTime': 3,
    });
    expect(stats.cases.byStatus).toEqual({ decided: 2 });
    expect(stats.publications.timelinessRate).toBe(0.75);
    expect(stats.reviews.approvalRate).toBeNull();
    expect(stats.av.coverageRate).toBeNull();
  });

  it('writes one ADD per day and one per month, and a mark per year, on the case’s shard, the same shard for every change of a case', () => {
    const shard = shardOf('01CASE');
    const writes = counterWrites('table', 'agency', '01CASE', [
      { day: '2026-01-01', counts: { 'a.x': 2 } },
      { day: '2026-01-20', counts: { 'a.x': 1, 'a.y': -1 } },
    ]);
    const [write] = writes;
    expect(write?.Update?.Key).toEqual({ pk: 'STATS#agency', sk: `DAY#2026-01-01#${shard}` });
    expect(write?.Update?.UpdateExpression).toContain('ADD #c0 :c0');
    expect(write?.Update?.ExpressionAttributeNames?.['#c0']).toBe('a.x');
    // Two days of one month are one Update of the month item (a transaction touches an item once).
    // And the agency's mark for the year, found by the annual report job through gsi2 (LAW-7).
    expect(writes.map((each) => each.Update?.Key?.sk)).toEqual([
      `DAY#2026-01-01#${shard}`,
      `DAY#2026-01-20#${shard}`,
      `MONTH#2026-01#${shard}`,
      `YEAR#2026#${shard}`,
    ]);
    expect(writes[2]?.Update?.ExpressionAttributeValues).toMatchObject({ ':c0': 3, ':c1': -1 });
    expect(writes[3]?.Update?.ExpressionAttributeValues).toMatchObject({
      ':gsi2pk': 'STATS_YEAR#2026',
      ':gsi2sk': `agency#${shard}`,
    });
    const shards = new Set(Array.from({ length: 200 }, (_, index) => shardOf(`01CASE${index}`)));
    expect(shards.size).toBe(STATISTICS_SHARDS);
  });

  it('[REC-9] reads a range as its whole months from month items and the days at its ends from day items', () => {
    expect(rangeKeys('2026-01-01', '2026-12-31')).toEqual([['MONTH#2026-01#', 'MONTH#2026-12#~']]);
    expect(rangeKeys('2026-01-15', '2026-03-10')).toEqual([
      ['DAY#2026-01-15#', 'DAY#2026-01-31#~'],
      ['MONTH#2026-02#', 'MONTH#2026-02#~'],
      ['DAY#2026-03-01#', 'DAY#2026-03-10#~'],
    ]);
    // Within one month, or across two months with no whole one between: days only.
    expect(rangeKeys('2026-02-03', '2026-02-27')).toEqual([['DAY#2026-02-03#', 'DAY#2026-02-27#~']]);
    expect(rangeKeys('2026-01-20', '2026-02-10')).toEqual([['DAY#2026-01-20#', 'DAY#2026-02-10#~']]);
    // A leap February ends on the 29th.
    expect(rangeKeys('2028-02-01', '2028-02-29')).toEqual([['MONTH#2028-02#', 'MONTH#2028-02#~']]);
  });
});
