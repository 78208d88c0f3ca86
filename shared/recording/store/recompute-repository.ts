import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '#shared/kernel/errors.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { queryAll, queryPage } from '#shared/kernel/store/query.ts';
import { versionCondition } from '#shared/kernel/store/versioned.ts';

/** The work lists a recomputation walks, in order: gsi2 partitions of open deadlines. */
export const RECOMPUTE_PHASES = [
  'PUBLICATION_UNCONFIRMED',
  'PUBLICATION_SCHEDULED',
  'PUBLICATION_READY',
  'PUBLICATION_OVERDUE',
  'REVIEW_UNCONFIRMED',
  'REVIEW_DUE',
] as const;
export type RecomputePhase = (typeof RECOMPUTE_PHASES)[number];

/**
 * A recomputation of every open deadline after a year's calendar changed (LAW-8): one item,
 * saved after each page with where it got to, so a crash resumes where it stopped.
 */
export interface RecomputeJob {
  id: string;
  year: number;
  calendarVersion: number;
  status: 'running' | 'done';
  phase: number;
  cursor?: Record<string, unknown>;
  processed: number;
  changed: number;
  startedAt: string;
  startedBy: string;
  updatedAt: string;
  finishedAt?: string;
  version: number;
}

const RUNNING = 'RECOMPUTE_RUNNING';
const keys = (id: string) => ({ pk: 'PLATFORM', sk: `RECOMPUTE#${id}` });

export class RecomputeRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async get(id: string): Promise<RecomputeJob | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: keys(id), ConsistentRead: true }),
    );
    return Item ? fromItem<RecomputeJob>(Item) : undefined;
  }

  /** Saves progress from the version read; a runner that lost the race gets a 409 and stops. */
  async save(job: RecomputeJob, previousVersion?: number): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            ...keys(job.id),
            ...(job.status === 'running' ? { gsi2pk: RUNNING, gsi2sk: `${job.startedAt}#${job.id}` } : {}),
            entity: 'recompute-job',
            ...job,
          },
          ...versionCondition(previousVersion),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict('重算任务已由其他进程推进');
      throw error;
    }
  }

  async running(): Promise<RecomputeJob[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': RUNNING },
    });
    return items.map((item) => fromItem<RecomputeJob>(item));
  }

  /** A page of one work list: the agency and id of each item. */
  async workPage(phase: RecomputePhase, cursor: Record<string, unknown> | undefined, limit: number) {
    const { items, next } = await queryPage(
      this.#db,
      {
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': phase },
      },
      cursor,
      limit,
    );
    return {
      items: items.map((item) => ({ agencyId: item.agencyId as string, id: item.id as string })),
      next,
    };
  }
}
