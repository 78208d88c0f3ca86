import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { decodeCursor, encodeCursor, type Page } from '#shared/kernel/store/pagination.ts';
import { queryAll, queryPage, sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import { versionedPut, writeAll } from '#shared/kernel/store/versioned.ts';
import type { Complaint } from '#shared/supervision/domain/complaint.ts';
import type { SupervisionCount } from '#shared/supervision/domain/supervision-report.ts';
import { supervisionCounterWrites } from '#shared/supervision/store/supervision-year-repository.ts';

/** Receipts and addresses are kept only as hashes: a copy of the table reads no complaint's answer and no caller's address. */
const digest = (value: string) => createHash('sha256').update(value).digest('hex');

const openPk = (agencyId: string) => `OPEN_COMPLAINTS#${agencyId}`;

/**
 * Complaints (SUP-1): one item per complaint under its agency, newest first by ULID; a pointer
 * from the receipt's hash; the unanswered ones in the agency's open-work index (gsi4) by their
 * answer date, so the overdue ones are a range of that index, not a scan of the agency's history;
 * and a day's count of complaints per address (expired by TTL) for the address limit.
 */
export class ComplaintRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  #item(complaint: Complaint) {
    return {
      pk: agencyPartition(complaint.agencyId),
      sk: `COMPLAINT#${complaint.complaintId}`,
      ...(complaint.status === 'received'
        ? { gsi4pk: openPk(complaint.agencyId), gsi4sk: `${complaint.answerBy}#${complaint.complaintId}` }
        : {}),
      entity: 'complaint',
      ...complaint,
    };
  }

  /** A new complaint and its receipt's pointer, together, with what it adds to its supervisors' years (SUP-6). */
  async create(
    complaint: Complaint,
    receipt: string,
    counted: readonly SupervisionCount[] = [],
  ): Promise<void> {
    await writeAll(
      this.#db,
      [
        versionedPut(this.#table, this.#item(complaint), undefined),
        {
          Put: {
            TableName: this.#table,
            Item: {
              pk: `COMPLAINT_RECEIPT#${digest(receipt)}`,
              sk: 'COMPLAINT_RECEIPT',
              entity: 'complaint-receipt',
              agencyId: complaint.agencyId,
              complaintId: complaint.complaintId,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        // Another complaint's count met this one's on the counter item: the caller tries again.
        ...supervisionCounterWrites(this.#table, counted),
      ],
      '投诉已存在',
    );
  }

  async get(agencyId: string, complaintId: string): Promise<Complaint | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: agencyPartition(agencyId), sk: `COMPLAINT#${complaintId}` },
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem<Complaint>(Item) : undefined;
  }

  async byReceipt(receipt: string): Promise<Complaint | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: `COMPLAINT_RECEIPT#${digest(receipt)}`, sk: 'COMPLAINT_RECEIPT' },
      }),
    );
    return Item ? this.get(Item.agencyId as string, Item.complaintId as string) : undefined;
  }

  /**
   * `complaint` over the version read (an answer), with what it adds to its supervisors' years
   * (SUP-6); a complaint changed meanwhile is a StaleWrite.
   */
  async update(
    complaint: Complaint,
    previousVersion: number,
    counted: readonly SupervisionCount[] = [],
  ): Promise<void> {
    await writeAll(
      this.#db,
      [
        versionedPut(this.#table, this.#item(complaint), previousVersion),
        ...supervisionCounterWrites(this.#table, counted),
      ],
      '投诉已被他人处理，请刷新后重试',
    );
  }

  /** Newest first (complaint ids are ULIDs). */
  async list(agencyId: string, limit: number, cursor?: string): Promise<Page<Complaint>> {
    const { items, next } = await queryPage(
      this.#db,
      {
        TableName: this.#table,
        ...sortKeyStartsWith(agencyPartition(agencyId), 'COMPLAINT#'),
        ScanIndexForward: false,
      },
      decodeCursor(cursor, {
        partition: { pk: agencyPartition(agencyId) },
        sortPrefix: { sk: 'COMPLAINT#' },
      }),
      limit,
    );
    const nextCursor = encodeCursor(next);
    return { items: items.map((item) => fromItem<Complaint>(item)), ...(nextCursor ? { nextCursor } : {}) };
  }

  /** The agency's unanswered complaints whose last day is before `date`, the earliest first. */
  async unansweredBefore(agencyId: string, date: string): Promise<Complaint[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk < :date',
      ExpressionAttributeValues: { ':pk': openPk(agencyId), ':date': date },
    });
    return items.map((item) => fromItem<Complaint>(item));
  }

  /**
   * Counts a complaint from `address` on `date`: false, counting nothing, when `limit` were
   * already filed from there that day. The count expires by TTL two days later.
   */
  async countFromAddress(address: string, date: string, limit: number): Promise<boolean> {
    try {
      await this.#db.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: `COMPLAINT_ADDRESS#${digest(address)}`, sk: date },
          UpdateExpression: 'ADD filed :one SET expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(filed) OR filed < :limit',
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit,
            ':expires': Math.floor(new Date(`${date}T00:00:00+08:00`).getTime() / 1000) + 2 * 86_400,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
