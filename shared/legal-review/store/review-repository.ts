import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { countsDelta } from '#shared/kernel/statistics.ts';
import { type ChildWrite, dynamoChildWrite } from '#shared/kernel/store/child-write.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import { type ListQuery, queryAll, sortKeyStartsWith, staffListPage } from '#shared/kernel/store/query.ts';
import { versionCondition } from '#shared/kernel/store/versioned.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';
import { reviewCounts } from '#shared/legal-review/domain/review-counts.ts';
import type { Reviewer } from '#shared/legal-review/domain/reviewer.ts';

const OPEN_DUE = 'REVIEW_DUE';
const unitReviewsPk = (agencyId: string, unitId: string | undefined) =>
  `REVIEWS#${agencyId}#UNIT#${unitId ?? '-'}`;

/**
 * Legal reviews (one item per review, every round inside it) and reviewers. Review writes are
 * child writes of a case commit, so every step lands in the case's journal. Open reviews with a
 * due date are indexed by it (gsi2) for the overdue job.
 */
export class ReviewRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  /** A new review, or `previous` changed into `review` (only from the version read). */
  put(review: Review, previous?: Review): ChildWrite {
    const open = review.status === 'pending' && review.dueBy !== null;
    // A pending review whose due date a year without a calendar holds, for the recomputation (LAW-8).
    const held = review.status === 'pending' && review.dueBy === null;
    return dynamoChildWrite(
      {
        Put: {
          TableName: this.#table,
          Item: {
            pk: agencyPartition(review.agencyId),
            sk: `REVIEW#${review.id}`,
            gsi1pk: `REVIEWS#${review.agencyId}`,
            gsi1sk: `${review.createdAt}#${review.id}`,
            gsi3pk: unitReviewsPk(review.agencyId, review.unitId),
            gsi3sk: `${review.createdAt}#${review.id}`,
            ...(open ? { gsi2pk: OPEN_DUE, gsi2sk: `${review.dueBy}#${review.agencyId}#${review.id}` } : {}),
            ...(held ? { gsi2pk: 'REVIEW_UNCONFIRMED', gsi2sk: `${review.agencyId}#${review.id}` } : {}),
            ...(review.status === 'pending'
              ? { gsi4pk: `OPEN_REVIEWS#${review.agencyId}`, gsi4sk: `${review.dueBy ?? ''}#${review.id}` }
              : {}),
            entity: 'review',
            ...review,
          },
          ...versionCondition(previous?.version),
        },
      },
      countsDelta(previous ? reviewCounts(previous) : [], reviewCounts(review)),
    );
  }

  async get(agencyId: string, id: string): Promise<Review | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: agencyPartition(agencyId), sk: `REVIEW#${id}` },
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem<Review>(Item) : undefined;
  }

  /**
   * A page of the agency's reviews, newest first; with `unit`, only that unit's (`unitId`
   * undefined: the cases without a unit), from their own index; with `status`, only those.
   */
  page(agencyId: string, query: ListQuery<Review['status']>): Promise<Page<Review>> {
    return staffListPage<Review>(
      this.#db,
      {
        table: this.#table,
        agencyId,
        agencyIndex: ['gsi1', `REVIEWS#${agencyId}`],
        unitIndex: (unitId) => ['gsi3', unitReviewsPk(agencyId, unitId)],
        itemSkPrefix: 'REVIEW#',
      },
      query,
    );
  }

  /** The agency's pending reviews, earliest due first. */
  async open(agencyId: string): Promise<Review[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk',
      ExpressionAttributeValues: { ':pk': `OPEN_REVIEWS#${agencyId}` },
    });
    return items.map((item) => fromItem<Review>(item));
  }

  /** Every review of the agency (a recount or a drill; requests read pages or open ones). */
  async list(agencyId: string): Promise<Review[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `REVIEWS#${agencyId}` },
      ScanIndexForward: false,
    });
    return items.map((item) => fromItem<Review>(item));
  }

  /** Open reviews of every agency due before `date`. */
  async dueBefore(date: string): Promise<{ agencyId: string; id: string }[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :date',
        ExpressionAttributeValues: { ':pk': OPEN_DUE, ':date': date },
      }),
    );
    return Items.map((item) => ({ agencyId: item.agencyId as string, id: item.id as string }));
  }

  async getReviewer(agencyId: string, userId: string): Promise<Reviewer | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: agencyPartition(agencyId), sk: `REVIEWER#${userId}` },
      }),
    );
    return Item ? fromItem<Reviewer>(Item) : undefined;
  }

  async putReviewer(reviewer: Reviewer): Promise<void> {
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          pk: agencyPartition(reviewer.agencyId),
          sk: `REVIEWER#${reviewer.userId}`,
          entity: 'reviewer',
          ...reviewer,
        },
      }),
    );
  }

  async reviewers(agencyId: string): Promise<Reviewer[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        ...sortKeyStartsWith(agencyPartition(agencyId), 'REVIEWER#'),
      }),
    );
    return Items.map((item) => fromItem<Reviewer>(item));
  }
}
