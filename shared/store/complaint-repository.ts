import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Complaint } from '#shared/domain/complaint.ts';
import { fromItem } from '#shared/store/item.ts';
import { decodeCursor, encodeCursor, type Page } from '#shared/store/pagination.ts';
import { sortKeyStartsWith } from '#shared/store/query.ts';

export class ComplaintRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async create(complaint: Complaint): Promise<void> {
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          pk: `AGENCY#${complaint.agencyId}`,
          sk: `COMPLAINT#${complaint.complaintId}`,
          entity: 'complaint',
          ...complaint,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** Newest first (complaint ids are ULIDs). */
  async list(agencyId: string, limit: number, cursor?: string): Promise<Page<Complaint>> {
    const { Items = [], LastEvaluatedKey } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        ...sortKeyStartsWith(`AGENCY#${agencyId}`, 'COMPLAINT#'),
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, {
          partition: { pk: `AGENCY#${agencyId}` },
          sortPrefix: { sk: 'COMPLAINT#' },
        }),
      }),
    );
    const items = Items.map((item) => fromItem<Complaint>(item));
    const nextCursor = encodeCursor(LastEvaluatedKey);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }
}
