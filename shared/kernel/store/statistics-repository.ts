import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addCalendarDays } from '#shared/kernel/dates.ts';
import { type Counts, type DayCounts, mergeDays } from '#shared/kernel/statistics.ts';
import type { TransactItem } from '#shared/kernel/store/child-write.ts';
import { queryAll } from '#shared/kernel/store/query.ts';

/**
 * Items per day and per month: concurrent commits of one agency on one day spread over this many
 * items, so they rarely meet on the same item (a TransactionConflict, retried). Every change adds
 * to its day and to its month, so a year is 12 × SHARDS items to read, whatever the history.
 */
export const STATISTICS_SHARDS = 8;

const statisticsPk = (agencyId: string) => `STATS#${agencyId}`;
const daySk = (day: string, shard: number) => `DAY#${day}#${shard}`;
const monthSk = (month: string, shard: number) => `MONTH#${month}#${shard}`;
const yearSk = (year: string, shard: number) => `YEAR#${year}#${shard}`;
/** The index partition of the agencies that have counters in a year (LAW-7's annual report). */
const yearPartition = (year: string) => `STATS_YEAR#${year}`;

/** The shard of a case: every change of one case lands on the same items. */
export function shardOf(caseId: string): number {
  let hash = 0;
  for (const char of caseId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % STATISTICS_SHARDS;
}

function addTo(
  table: string,
  agencyId: string,
  sk: string,
  period: { name: 'day' | 'month'; value: string },
  counts: Counts,
): TransactItem {
  const entries = Object.entries(counts);
  return {
    Update: {
      TableName: table,
      Key: { pk: statisticsPk(agencyId), sk },
      UpdateExpression: `SET entity = :entity, agencyId = :agencyId, #period = :period ADD ${entries
        .map((_, index) => `#c${index} :c${index}`)
        .join(', ')}`,
      ExpressionAttributeNames: {
        '#period': period.name,
        ...Object.fromEntries(entries.map(([name], index) => [`#c${index}`, name])),
      },
      ExpressionAttributeValues: {
        ':entity': `statistics-${period.name}`,
        ':agencyId': agencyId,
        ':period': period.value,
        ...Object.fromEntries(entries.map(([, value], index) => [`:c${index}`, value])),
      },
    },
  };
}

/**
 * The agency's mark for a year, on the case's shard (so concurrent commits rarely meet on it):
 * the index `gsi2` lists, per year, the agencies with data, at most SHARDS items each.
 */
function markYear(table: string, agencyId: string, year: string, shard: number): TransactItem {
  return {
    Update: {
      TableName: table,
      Key: { pk: statisticsPk(agencyId), sk: yearSk(year, shard) },
      UpdateExpression: 'SET entity = :entity, agencyId = :agencyId, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk',
      ExpressionAttributeValues: {
        ':entity': 'statistics-year',
        ':agencyId': agencyId,
        ':gsi2pk': yearPartition(year),
        ':gsi2sk': `${agencyId}#${shard}`,
      },
    },
  };
}

/**
 * The writes that add a change's counts to its days' and its months' counter items: one Update
 * per day and one per month (a transaction may touch an item once), `ADD` on flat attribute
 * names, so a counter that does not exist yet starts at 0; and the agency's mark for each year.
 */
export function counterWrites(
  table: string,
  agencyId: string,
  caseId: string,
  days: readonly DayCounts[],
): TransactItem[] {
  const shard = shardOf(caseId);
  const months = mergeDays(days.map(({ day, counts }) => ({ day: day.slice(0, 7), counts })));
  return [
    ...days.map(({ day, counts }) =>
      addTo(table, agencyId, daySk(day, shard), { name: 'day', value: day }, counts),
    ),
    ...months.map(({ day: month, counts }) =>
      addTo(table, agencyId, monthSk(month, shard), { name: 'month', value: month }, counts),
    ),
    ...[...new Set(days.map(({ day }) => day.slice(0, 4)))].map((year) =>
      markYear(table, agencyId, year, shard),
    ),
  ];
}

/** The last day of the month of `day`. */
const monthEnd = (day: string) => {
  const [year = 0, month = 0] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};

/**
 * A range of days as the counter items that cover it: the whole months inside it from month
 * items, the days before and after them from day items (sort-key ranges, both ends included).
 */
export function rangeKeys(from: string, to: string): [string, string][] {
  const firstWhole = from.endsWith('-01') ? from : addCalendarDays(monthEnd(from), 1);
  const lastWhole = to === monthEnd(to) ? to : addCalendarDays(`${to.slice(0, 7)}-01`, -1);
  if (firstWhole > lastWhole) return [[`DAY#${from}#`, `DAY#${to}#~`]];
  return [
    ...(from < firstWhole
      ? [[`DAY#${from}#`, `DAY#${addCalendarDays(firstWhole, -1)}#~`] as [string, string]]
      : []),
    [`MONTH#${firstWhole.slice(0, 7)}#`, `MONTH#${lastWhole.slice(0, 7)}#~`],
    ...(lastWhole < to ? [[`DAY#${addCalendarDays(lastWhole, 1)}#`, `DAY#${to}#~`] as [string, string]] : []),
  ];
}

/** The counters of an agency summed over the days from `from` to `to` (inclusive). */
export class StatisticsRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async between(agencyId: string, from: string, to: string): Promise<Counts> {
    const pages = await Promise.all(
      rangeKeys(from, to).map(([low, high]) =>
        queryAll(this.#db, {
          TableName: this.#table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': statisticsPk(agencyId), ':from': low, ':to': high },
        }),
      ),
    );
    const items = pages.flat();
    const totals: Counts = {};
    for (const item of items)
      for (const [name, value] of Object.entries(item))
        if (name.includes('.') && typeof value === 'number') totals[name] = (totals[name] ?? 0) + value;
    return totals;
  }

  /**
   * The agencies with counters in a year, whether or not they saved a profile: one keyed read of
   * the year's marks (at most SHARDS per agency), whatever the agencies' history.
   */
  async agenciesWithData(year: number): Promise<string[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': yearPartition(String(year)) },
    });
    return [...new Set(items.map((item) => item.agencyId as string))];
  }
}
