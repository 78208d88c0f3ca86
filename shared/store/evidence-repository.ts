import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Evidence, Retrieval } from '#shared/domain/cases/evidence.ts';
import type { ChildWrite } from '#shared/store/case-repository.ts';
import { fromItem } from '#shared/store/item.ts';

const keys = (agencyId: string, id: string) => ({ pk: `AGENCY#${agencyId}`, sk: `EVIDENCE#${id}` });
const PENDING = 'EVIDENCE_PENDING';

/**
 * AV evidence records and their retrieval logs. Writes are child writes of a case commit, so each
 * evidence event lands with its journal entry. Pending uploads are indexed (gsi2) so the local
 * runtime can look for arrived objects as S3 notifications would report them.
 */
/** Where the next page of the pending index starts: the key DynamoDB returned, opaque. */
export type PendingPageKey = Record<string, unknown>;

export class EvidenceRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  put(evidence: Evidence, expectStatus?: Evidence['status']): ChildWrite {
    return {
      Put: {
        TableName: this.#table,
        Item: {
          ...keys(evidence.agencyId, evidence.id),
          gsi1pk: `CASE_EVIDENCE#${evidence.agencyId}#${evidence.caseId}`,
          gsi1sk: evidence.id,
          ...(evidence.status === 'pending-upload'
            ? { gsi2pk: PENDING, gsi2sk: `${evidence.createdAt}#${evidence.agencyId}#${evidence.id}` }
            : {}),
          entity: 'evidence',
          ...evidence,
        },
        ...(expectStatus
          ? {
              ConditionExpression: '#status = :expected',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':expected': expectStatus },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    };
  }

  async get(agencyId: string, id: string): Promise<Evidence | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: keys(agencyId, id), ConsistentRead: true }),
    );
    return Item ? fromItem<Evidence>(Item) : undefined;
  }

  async forCase(agencyId: string, caseId: string): Promise<Evidence[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `CASE_EVIDENCE#${agencyId}#${caseId}` },
      }),
    );
    // The index is eventually consistent: read each record itself for its current status.
    const records = await Promise.all(Items.map((item) => this.get(agencyId, item.id as string)));
    return records.filter((record): record is Evidence => record !== undefined);
  }

  /**
   * Evidence declared but not yet arrived, oldest first, across agencies; with `before` (an
   * instant), only what was declared before it, with `after` also only what was declared since. One page of the pending index, bounded however
   * many uploads there ever were; `next` (absent on the last page) starts the following one.
   */
  async pending({
    limit = 100,
    after,
    before,
    next,
  }: {
    limit?: number;
    after?: string;
    before?: string;
    next?: PendingPageKey;
  } = {}): Promise<{
    items: Evidence[];
    next?: PendingPageKey;
  }> {
    const { Items = [], LastEvaluatedKey } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression:
          after && before
            ? 'gsi2pk = :pk AND gsi2sk BETWEEN :after AND :before'
            : before
              ? 'gsi2pk = :pk AND gsi2sk < :before'
              : 'gsi2pk = :pk',
        ExpressionAttributeValues: {
          ':pk': PENDING,
          ...(before ? { ':before': before } : {}),
          ...(after && before ? { ':after': after } : {}),
        },
        Limit: limit,
        ...(next ? { ExclusiveStartKey: next } : {}),
      }),
    );
    return {
      items: Items.map((item) => fromItem<Evidence>(item)),
      ...(LastEvaluatedKey ? { next: LastEvaluatedKey as PendingPageKey } : {}),
    };
  }

  putRetrieval(retrieval: Retrieval): ChildWrite {
    return {
      Put: {
        TableName: this.#table,
        Item: {
          pk: `AGENCY#${retrieval.agencyId}`,
          sk: `EVIDENCE#${retrieval.evidenceId}#RETRIEVAL#${retrieval.id}`,
          entity: 'retrieval',
          ...retrieval,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async retrievals(agencyId: string, evidenceId: string): Promise<Retrieval[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': `AGENCY#${agencyId}`,
          ':prefix': `EVIDENCE#${evidenceId}#RETRIEVAL#`,
        },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => fromItem<Retrieval>(item));
  }
}
