import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '#shared/kernel/errors.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { queryAll, sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import type { AnnualReport } from '#shared/publicity/domain/annual-report.ts';

const sortKey = (year: number, version: number) => `ANNUAL#${year}#${String(version).padStart(4, '0')}`;

/** Published annual reports: one item per version, never overwritten. */
export class AnnualReportRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  /** A version is written once: a second writer of the same version gets a 409. */
  async add(report: AnnualReport): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            pk: agencyPartition(report.agencyId),
            sk: sortKey(report.year, report.version),
            entity: 'annual-report',
            ...report,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict('该版本的年度报告已发布');
      throw error;
    }
  }

  /** Every version of a year, oldest first (a handful at most). */
  async versions(agencyId: string, year: number): Promise<AnnualReport[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      ...sortKeyStartsWith(agencyPartition(agencyId), `ANNUAL#${year}#`),
    });
    return items.map((item) => fromItem<AnnualReport>(item));
  }
}
