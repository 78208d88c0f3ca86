import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ChildWrite, dynamoChildWrite } from '#shared/kernel/store/child-write.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { queryPage, sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import { evidenceCounts } from '#shared/recording/domain/case-counts.ts';
import type { Evidence, Retrieval } from '#shared/recording/domain/evidence.ts';

const keys = (agencyId: string, id: string) => ({ pk: agencyPartition(agencyId), sk: `EVIDENCE#${id}` });
const PENDING = 'EVIDENCE_PENDING';

/**
 * AV evidence records and their retrieval logs. Writes are child writes of a case commit, so each
 * evidence event lands with its journal entry. Pending uploads are indexed (gsi2) so the local
 * runtime can look for arrived objects as S3 notifications would report them.
 */
/** Where the next page of the pending index starts: the key DynamoDB returned, opaque. */
type PendingPageKey = Record<string, unknown>;

export class EvidenceRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  /** New evidence, or evidence changed from `expectStatus`; its device is counted when it is declared. */
  put(evidence: Evidence, expectStatus?: Evidence['status']): ChildWrite {
    return dynamoChildWrite(
      {
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
      },
      expectStatus ? undefined : evidenceCounts(evidence),
    );
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
   * Evidence declared but not yet arrived, oldest first, across agencies; with `after` and
   * `before` (instants), only what was declared between them. One page of the pending index,
   * bounded however many uploads there ever were; `next` (absent on the last page) starts the
   * following one.
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
    const range =
      after && before
        ? ' AND gsi2sk BETWEEN :after AND :before'
        : after
          ? ' AND gsi2sk >= :after'
          : before
            ? ' AND gsi2sk < :before'
            : '';
    const page = await queryPage(
      this.#db,
      {
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression: `gsi2pk = :pk${range}`,
        ExpressionAttributeValues: {
          ':pk': PENDING,
          ...(after ? { ':after': after } : {}),
          ...(before ? { ':before': before } : {}),
        },
      },
      next,
      limit,
    );
    return {
      items: page.items.map((item) => fromItem<Evidence>(item)),
      ...(page.next ? { next: page.next } : {}),
    };
  }

  /** Every pending upload declared between `after` and `before`, page after page. */
  async *allPending(range: { after?: string; before?: string } = {}): AsyncGenerator<Evidence> {
    let next: PendingPageKey | undefined;
    do {
      const page = await this.pending({ ...range, ...(next ? { next } : {}) });
      yield* page.items;
      next = page.next;
    } while (next);
  }

  putRetrieval(retrieval: Retrieval): ChildWrite {
    return dynamoChildWrite({
      Put: {
        TableName: this.#table,
        Item: {
          pk: agencyPartition(retrieval.agencyId),
          sk: `EVIDENCE#${retrieval.evidenceId}#RETRIEVAL#${retrieval.id}`,
          entity: 'retrieval',
          ...retrieval,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  async retrievals(agencyId: string, evidenceId: string): Promise<Retrieval[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        ...sortKeyStartsWith(agencyPartition(agencyId), `EVIDENCE#${evidenceId}#RETRIEVAL#`),
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => fromItem<Retrieval>(item));
  }
}
