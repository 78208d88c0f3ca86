import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '#shared/kernel/errors.ts';
import type { TransactItem } from '#shared/kernel/store/child-write.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { queryAll, sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import type {
  SupervisionCount,
  SupervisionCounts,
  SupervisionReport,
} from '#shared/supervision/domain/supervision-report.ts';

const yearPk = (bodyId: string) => `SUPERVISION_YEAR#${bodyId}`;
const counterSk = (year: number, agencyId: string) => `${year}#${agencyId}`;
const REPORT_SK = (year: number) => `REPORT#${year}`;
/** The bodies with counters in a year (gsi2): what the publication job goes through. */
const yearPartition = (year: number) => `SUPERVISION_YEARS#${year}`;

/**
 * The writes that add a change's counts to its body's counter of the agency and year: `ADD` on
 * flat attribute names (a counter that does not exist starts at 0), and the year's mark of the
 * body in gsi2. One Update per body and year: a transaction touches an item once.
 */
export function supervisionCounterWrites(
  table: string,
  counted: readonly SupervisionCount[],
): TransactItem[] {
  return counted.map(({ bodyId, agencyId, year, counts }) => {
    const entries = Object.entries(counts);
    return {
      Update: {
        TableName: table,
        Key: { pk: yearPk(bodyId), sk: counterSk(year, agencyId) },
        UpdateExpression: `SET entity = :entity, bodyId = :bodyId, agencyId = :agencyId, #year = :year, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk ADD ${entries
          .map((_, index) => `#c${index} :c${index}`)
          .join(', ')}`,
        ExpressionAttributeNames: {
          '#year': 'year',
          ...Object.fromEntries(entries.map(([name], index) => [`#c${index}`, name])),
        },
        ExpressionAttributeValues: {
          ':entity': 'supervision-year',
          ':bodyId': bodyId,
          ':agencyId': agencyId,
          ':year': year,
          ':gsi2pk': yearPartition(year),
          ':gsi2sk': `${bodyId}#${agencyId}`,
          ...Object.fromEntries(entries.map(([, value], index) => [`:c${index}`, value])),
        },
      },
    };
  });
}

/**
 * The supervisory bodies' years (SUP-6): per body, one counter item per supervised agency and
 * year (`SUPERVISION_YEAR#{bodyId}` / `{year}#{agencyId}`), written by the matter, complaint and
 * evaluation stores in their transactions (`supervisionCounterWrites`), and the published report
 * of each year beside them (`REPORT#{year}`), written once.
 */
export class SupervisionYearRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  /** The body's counters of a year, one row per agency it counted anything of: as many as its agencies. */
  async counters(bodyId: string, year: number): Promise<{ agencyId: string; counts: SupervisionCounts }[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      ...sortKeyStartsWith(yearPk(bodyId), `${year}#`),
      ConsistentRead: true,
    });
    return items.map((item) => ({
      agencyId: item.agencyId as string,
      counts: Object.fromEntries(
        Object.entries(item).filter(([name, value]) => name.includes('.') && typeof value === 'number'),
      ) as SupervisionCounts,
    }));
  }

  /** The bodies with counters in a year: one keyed read of the year's marks (one per body and agency). */
  async bodiesWithData(year: number): Promise<string[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': yearPartition(year) },
    });
    return [...new Set(items.map((item) => item.bodyId as string))];
  }

  async report(bodyId: string, year: number): Promise<SupervisionReport | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: { pk: yearPk(bodyId), sk: REPORT_SK(year) } }),
    );
    return Item ? fromItem<SupervisionReport>(Item) : undefined;
  }

  /** A year's report is written once: a second writer gets a 409. */
  async publish(report: SupervisionReport): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            pk: yearPk(report.bodyId),
            sk: REPORT_SK(report.year),
            entity: 'supervision-report',
            ...report,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict('该年度的监督报告已发布');
      throw error;
    }
  }
}
