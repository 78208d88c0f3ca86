import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type {
  Inspection,
  InspectionAlert,
  InspectionCategory,
  InspectionCounter,
} from '#shared/inspections/domain/inspection.ts';
import type { SupervisionKey } from '#shared/inspections/domain/supervision-code.ts';
import { type ChildWrite, dynamoChildWrite } from '#shared/kernel/store/child-write.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import { indexPage, queryAll } from '#shared/kernel/store/query.ts';
import { putVersioned, versionedPut, writeAll } from '#shared/kernel/store/versioned.ts';

/** What a new inspection adds to one agency's counter of the enterprise's year (INS-3). */
export interface CounterIncrement {
  agencyId: string;
  /** A category, counted against `limit`; or the exceptions, counted apart. */
  counts: { category: InspectionCategory; limit: number } | 'exceptions';
  /** The inspection repeats one of the year, or passes the limit: the counter joins the agency's alerts (SUP-5). */
  alert?: boolean;
}

/** An agency's counters that raised an alert, in gsi4 (sparse) by year and enterprise (SUP-5). */
const alertsPk = (agencyId: string) => `INSPECTION_ALERTS#${agencyId}`;

const counterKey = (agencyId: string, creditCode: string, year: number) => ({
  pk: agencyPartition(agencyId),
  sk: `INSPECTIONS#${creditCode}#${year}`,
});
const inspectionKey = (id: string) => ({ pk: `INSPECTION#${id}`, sk: 'INSPECTION' });
const codeKey = (creditCode: string) => ({ pk: `ENTERPRISE#${creditCode}`, sk: 'SUPERVISION-CODE' });

/** What a counter that raises an alert keeps beside its counts: who, which year, since when, the latest inspection. */
const ALERT_SET =
  ', gsi4pk = :alertsPk, gsi4sk = :alertSk, agencyId = :agencyId, creditCode = :creditCode, enterpriseName = :enterpriseName, #year = :year, lastInspectionId = :inspectionId, since = if_not_exists(since, :since)';
const alertValues = (agencyId: string, inspection: Inspection) => ({
  ':alertsPk': alertsPk(agencyId),
  ':alertSk': `${inspection.year}#${inspection.enterpriseCreditCode}`,
  ':agencyId': agencyId,
  ':creditCode': inspection.enterpriseCreditCode,
  ':enterpriseName': inspection.enterpriseName,
  ':year': inspection.year,
  ':inspectionId': inspection.id,
  ':since': inspection.createdAt,
});

/**
 * Inspections of enterprises (INS-1..INS-5): one item each, listed by agency (gsi1) and by
 * enterprise (gsi2), newest first; one counter per agency, enterprise and year, so the yearly
 * limit is one keyed read and the write that passes it is conditional; and each enterprise's
 * supervision-code key.
 */
export class InspectionRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  #item(inspection: Inspection) {
    return {
      ...inspectionKey(inspection.id),
      gsi1pk: `INSPECTIONS#${inspection.agencyId}`,
      gsi1sk: `${inspection.createdAt}#${inspection.id}`,
      gsi2pk: `ENTERPRISE#${inspection.enterpriseCreditCode}`,
      gsi2sk: `${inspection.createdAt}#${inspection.id}`,
      entity: 'inspection',
      ...inspection,
    };
  }

  /**
   * A new inspection with what it adds to the counters, in one transaction: a counter already at
   * its limit (another task got there first) fails it as a StaleWrite, to be read again.
   */
  async create(inspection: Inspection, increments: readonly CounterIncrement[]): Promise<void> {
    await writeAll(
      this.#db,
      [
        versionedPut(this.#table, this.#item(inspection), undefined),
        ...increments.map(({ agencyId, counts, alert }) => ({
          Update: {
            TableName: this.#table,
            Key: counterKey(agencyId, inspection.enterpriseCreditCode, inspection.year),
            UpdateExpression: `ADD #count :one SET entity = :entity${alert ? ALERT_SET : ''}`,
            ExpressionAttributeNames: {
              '#count': counts === 'exceptions' ? 'exceptions' : counts.category,
              ...(alert ? { '#year': 'year' } : {}),
            },
            ExpressionAttributeValues: {
              ':one': 1,
              ':entity': 'inspection-counter',
              ...(counts === 'exceptions' ? {} : { ':limit': counts.limit }),
              ...(alert ? alertValues(agencyId, inspection) : {}),
            },
            ...(counts === 'exceptions'
              ? {}
              : { ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit' }),
          },
        })),
      ],
      '检查次数已被其他检查任务更新，请重试',
    );
  }

  async get(id: string): Promise<Inspection | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: inspectionKey(id), ConsistentRead: true }),
    );
    return Item ? fromItem<Inspection>(Item) : undefined;
  }

  /** `previous` changed into `next`, only from the version read: a child write of a case commit. */
  put(next: Inspection, previous: Inspection): ChildWrite {
    return dynamoChildWrite(versionedPut(this.#table, this.#item(next), previous.version));
  }

  /** `previous` changed into `next` on its own (approval, rating); a lost race is a StaleWrite. */
  async update(next: Inspection, previous: Inspection): Promise<void> {
    await putVersioned(
      this.#db,
      this.#table,
      this.#item(next),
      previous.version,
      '检查任务已被他人修改，请刷新后重试',
    );
  }

  /** One agency's inspections of one enterprise in one year (INS-3): one keyed read. */
  async counter(agencyId: string, creditCode: string, year: number): Promise<InspectionCounter> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: counterKey(agencyId, creditCode, year),
        ConsistentRead: true,
      }),
    );
    return {
      counted: { random: Number(Item?.random ?? 0), targeted: Number(Item?.targeted ?? 0) },
      exceptions: Number(Item?.exceptions ?? 0),
    };
  }

  /**
   * The agency's counters of `year` that raised an alert (SUP-5): a range of the sparse alert
   * index, as many as the enterprises inspected repeatedly or past the limit, never the agency's
   * inspections.
   */
  async alerts(agencyId: string, year: number): Promise<InspectionAlert[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': alertsPk(agencyId), ':from': `${year}#`, ':to': `${year}#\uffff` },
    });
    return items.map((item) => ({
      agencyId: String(item.agencyId),
      creditCode: String(item.creditCode),
      enterpriseName: String(item.enterpriseName),
      year: Number(item.year),
      counted: { random: Number(item.random ?? 0), targeted: Number(item.targeted ?? 0) },
      exceptions: Number(item.exceptions ?? 0),
      lastInspectionId: String(item.lastInspectionId),
      since: String(item.since),
    }));
  }

  /** An agency's inspections, newest first. */
  listByAgency(agencyId: string, limit: number, cursor?: string): Promise<Page<Inspection>> {
    return this.#page('gsi1', `INSPECTIONS#${agencyId}`, limit, cursor);
  }

  /** An enterprise's inspections by every agency, newest first (INS-5). */
  listByEnterprise(creditCode: string, limit: number, cursor?: string): Promise<Page<Inspection>> {
    return this.#page('gsi2', `ENTERPRISE#${creditCode}`, limit, cursor);
  }

  #page(index: 'gsi1' | 'gsi2', partition: string, limit: number, cursor: string | undefined) {
    return indexPage<Inspection>(this.#db, {
      table: this.#table,
      index,
      partition,
      itemPk: 'INSPECTION#',
      itemPkIsPrefix: true,
      itemSkPrefix: 'INSPECTION',
      limit,
      cursor,
    });
  }

  async supervisionKey(creditCode: string): Promise<SupervisionKey | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: codeKey(creditCode), ConsistentRead: true }),
    );
    return Item ? fromItem<SupervisionKey>(Item) : undefined;
  }

  /** The enterprise's first key, or a renewed one over the version read; a lost race is a StaleWrite. */
  async putSupervisionKey(key: SupervisionKey, previous: SupervisionKey | undefined): Promise<void> {
    await putVersioned(
      this.#db,
      this.#table,
      { ...codeKey(key.creditCode), entity: 'supervision-key', ...key },
      previous?.version,
      '监管码已被更新，请重试',
    );
  }
}
