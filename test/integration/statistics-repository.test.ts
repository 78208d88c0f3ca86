import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { DayCounts } from '#shared/kernel/statistics.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { counterWrites, StatisticsRepository } from '#shared/kernel/store/statistics-repository.ts';

const table = process.env.MAIN_TABLE ?? '';

describe('statistics counters on DynamoDB Local', () => {
  it('[REC-9] any range of days sums to what was added on its days, read from month and day items', async () => {
    const agencyId = `stats-${ulid()}`;
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
      await documentClient.send(
        new TransactWriteCommand({ TransactItems: counterWrites(table, agencyId, ulid(), change) }),
      );
    }
    const statistics = new StatisticsRepository(documentClient, table);
    const expected = (from: string, to: string) => {
      const totals: Record<string, number> = {};
      for (const { day, counts } of added)
        if (day >= from && day <= to)
          for (const [name, value] of Object.entries(counts))
            if (value !== 0) totals[name] = (totals[name] ?? 0) + value;
      return totals;
    };
    const ranges: [string, string][] = [];
    for (const from of ['2028-01-01', '2028-01-31', '2028-02-01', '2028-02-16', '2028-03-01'])
      for (const to of ['2028-02-29', '2028-03-01', '2028-04-29', '2028-04-30', '2028-12-31'])
        if (from <= to) ranges.push([from, to]);
    ranges.push(['2028-02-29', '2028-02-29']);
    for (const [from, to] of ranges) {
      const read = await statistics.between(agencyId, from, to);
      const nonZero = Object.fromEntries(Object.entries(read).filter(([, value]) => value !== 0));
      expect(nonZero, `${from}..${to}`).toEqual(expected(from, to));
    }
  });
});
