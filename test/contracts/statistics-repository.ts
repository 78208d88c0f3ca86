import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { Counts, DayCounts } from '#shared/kernel/statistics.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { type StatisticsRepository, shardOf } from '#shared/kernel/store/statistics-repository.ts';

const newAgencyId = () => `contract-${ulid().toLowerCase()}`;

/** The counters of a range of days as summed from what was added on them; counters at 0 left out. */
function expected(added: readonly DayCounts[], from: string, to: string): Counts {
  const totals: Counts = {};
  for (const { day, counts } of added)
    if (day >= from && day <= to)
      for (const [name, value] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + value;
  return nonZero(totals);
}

/** A case id whose counters the DynamoDB store keeps on the given shard. */
function caseOnShard(shard: number): string {
  let index = 0;
  while (shardOf(`case-${index}`) !== shard) index += 1;
  return `case-${index}`;
}

const nonZero = (counts: Counts): Counts =>
  Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== 0));

/**
 * What every statistics store keeps (REC-9): the counters of a range of days are the sum of what
 * every change added on those days, whatever ranges and months it crosses, of that agency only;
 * and the agencies with counters in a year are found once each. `add` is how a case commit adds
 * a change's counts (`counterWrites` in its transaction, in DynamoDB).
 */
export function statisticsRepositoryContract(
  name: string,
  stores: () => {
    statistics: Port<StatisticsRepository>;
    add: (agencyId: string, caseId: string, days: DayCounts[]) => Promise<void>;
  },
): void {
  describe(`statistics repository: ${name}`, () => {
    it('[REC-9] any range of days sums to what was added on its days, and to nothing of another agency', async () => {
      const { statistics, add } = stores();
      const [agencyId, other] = [newAgencyId(), newAgencyId()];
      // Changes of several cases on days around month ends (a leap February included).
      const days = [
        '2028-01-31',
        '2028-02-01',
        '2028-02-15',
        '2028-02-29',
        '2028-03-01',
        '2028-04-30',
        '2028-05-01',
      ];
      const added: DayCounts[] = [];
      for (const [index, day] of days.entries()) {
        const change = [
          { day, counts: { 'cases.registered': index + 1, 'cases.byStatus.decided': index % 2 } },
        ];
        added.push(...change);
        await add(agencyId, ulid(), change);
      }
      // A later change of a case takes back from its day what it had added there.
      const caseId = ulid();
      const moved: DayCounts[] = [
        { day: '2028-02-15', counts: { 'cases.byStatus.registered': 1 } },
        { day: '2028-02-15', counts: { 'cases.byStatus.registered': -1, 'cases.byStatus.decided': 1 } },
      ];
      for (const change of moved) await add(agencyId, caseId, [change]);
      added.push(...moved);
      await add(other, ulid(), [{ day: '2028-02-15', counts: { 'cases.registered': 100 } }]);

      const ranges: [string, string][] = [['2028-02-29', '2028-02-29']];
      for (const from of ['2028-01-01', '2028-01-31', '2028-02-01', '2028-02-16', '2028-03-01'])
        for (const to of ['2028-02-29', '2028-03-01', '2028-04-29', '2028-04-30', '2028-12-31'])
          if (from <= to) ranges.push([from, to]);
      for (const [from, to] of ranges)
        expect(nonZero(await statistics.between(agencyId, from, to)), `${from}..${to}`).toEqual(
          expected(added, from, to),
        );
      expect(nonZero(await statistics.between(agencyId, '2027-01-01', '2027-12-31'))).toEqual({});
    });

    it('[LAW-7] the agencies with counters in a year are found once each, however many cases counted', async () => {
      const { statistics, add } = stores();
      const [busy, quiet] = [newAgencyId(), newAgencyId()];
      // Cases whose counts land on different items (shards), each of which marks the year.
      for (const shard of [0, 1, 2]) {
        await add(busy, caseOnShard(shard), [
          { day: `2029-0${shard + 1}-15`, counts: { 'cases.registered': 1 } },
        ]);
      }
      await add(quiet, ulid(), [{ day: '2030-01-01', counts: { 'cases.registered': 1 } }]);
      const year2029 = await statistics.agenciesWithData(2029);
      expect(year2029.filter((agencyId) => agencyId === busy)).toEqual([busy]);
      expect(year2029).not.toContain(quiet);
      expect(await statistics.agenciesWithData(2030)).toContain(quiet);
    });
  });
}
