import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { countsDelta } from '#shared/kernel/statistics.ts';
import { type ChildWrite, dynamoChildWrite } from '#shared/kernel/store/child-write.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import { indexPage, type ListQuery, queryAll, staffListPage } from '#shared/kernel/store/query.ts';
import { versionCondition } from '#shared/kernel/store/versioned.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import {
  isPublishable,
  type Publication,
  type PublicationRule,
} from '#shared/publicity/domain/publication.ts';
import { publicationCounts } from '#shared/publicity/domain/publication-counts.ts';

type Item = Record<string, unknown>;

const unitPublicationsPk = (agencyId: string, unitId: string | undefined) =>
  `PUBLICATIONS#${agencyId}#UNIT#${unitId ?? '-'}`;

/** The sweep's work lists: a sparse index partition per status that needs attention. */
/** How the public looks for decisions (PUB-9): publication days, category, document number. */
export interface PublicDecisionSearch {
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
  documentNo?: string | undefined;
}

const publicDocumentPk = (agencyId: string, documentNo: string) =>
  `PUBLIC_DOCUMENT#${agencyId}#${documentNo}`;

const workIndex = (publication: Publication): { gsi2pk: string; gsi2sk: string } | undefined => {
  const key = `${publication.agencyId}#${publication.id}`;
  // Scheduled and ready before its due date: the sweep takes it at its next run; otherwise when due.
  if (publication.status === 'scheduled')
    return {
      gsi2pk: publication.ready ? 'PUBLICATION_READY' : 'PUBLICATION_SCHEDULED',
      gsi2sk: `${publication.dueBy}#${key}`,
    };
  if (publication.status === 'deadline-unconfirmed')
    return { gsi2pk: 'PUBLICATION_UNCONFIRMED', gsi2sk: key };
  if (publication.status === 'overdue')
    return { gsi2pk: 'PUBLICATION_OVERDUE', gsi2sk: `${publication.dueBy}#${key}` };
  if (publication.status === 'published')
    return { gsi2pk: 'PUBLICATION_LIVE', gsi2sk: `${publication.expiresOn}#${key}` };
  return undefined;
};

/**
 * Publications and their public records. A publication changes only through a case commit (so
 * it is journaled) and only from the version read, so two sweeps, or a sweep and a revocation,
 * cannot both act on it. Public records are listed per agency while they are on the public list.
 */
export class PublicationRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  /** A new publication, or `previous` changed into `publication` (only from the version read). */
  put(publication: Publication, previous?: Publication): ChildWrite {
    return dynamoChildWrite(
      {
        Put: {
          TableName: this.#table,
          Item: {
            pk: agencyPartition(publication.agencyId),
            sk: `PUBLICATION#${publication.id}`,
            gsi1pk: `PUBLICATIONS#${publication.agencyId}`,
            gsi1sk: `${publication.decidedOn}#${publication.id}`,
            gsi3pk: unitPublicationsPk(publication.agencyId, publication.unitId),
            gsi3sk: `${publication.decidedOn}#${publication.id}`,
            ...workIndex(publication),
            ...(isPublishable(publication.status)
              ? {
                  gsi4pk: `OPEN_PUBLICATIONS#${publication.agencyId}`,
                  gsi4sk: `${publication.dueBy ?? ''}#${publication.id}`,
                }
              : {}),
            entity: 'publication',
            ...publication,
          },
          ...versionCondition(previous?.version),
        },
      },
      countsDelta(previous ? publicationCounts(previous) : [], publicationCounts(publication)),
    );
  }

  async get(agencyId: string, id: string): Promise<Publication | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: agencyPartition(agencyId), sk: `PUBLICATION#${id}` },
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem<Publication>(Item) : undefined;
  }

  /**
   * A page of the agency's publications, newest decision first; with `unit`, only that unit's,
   * from their own index; with `status`, only those.
   */
  page(agencyId: string, query: ListQuery<Publication['status']>): Promise<Page<Publication>> {
    return staffListPage<Publication>(
      this.#db,
      {
        table: this.#table,
        agencyId,
        agencyIndex: ['gsi1', `PUBLICATIONS#${agencyId}`],
        unitIndex: (unitId) => ['gsi3', unitPublicationsPk(agencyId, unitId)],
        itemSkPrefix: 'PUBLICATION#',
      },
      query,
    );
  }

  /** Every publication of the agency (a recount or a drill; requests read pages or open ones). */
  async list(agencyId: string): Promise<Publication[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `PUBLICATIONS#${agencyId}` },
      ScanIndexForward: false,
    });
    return items.map((item) => fromItem<Publication>(item));
  }

  /**
   * Puts a scheduled publication on the sweep's ready list, a hint only (not journaled, the
   * version unchanged): the sweep decides again whether it is ready before it publishes it.
   */
  async hintReady(publication: Publication): Promise<void> {
    try {
      await this.#db.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { pk: agencyPartition(publication.agencyId), sk: `PUBLICATION#${publication.id}` },
          UpdateExpression:
            publication.status === 'scheduled' ? 'SET ready = :true, gsi2pk = :ready' : 'SET ready = :true',
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: {
            ':true': true,
            ':version': publication.version,
            ...(publication.status === 'scheduled' ? { ':ready': 'PUBLICATION_READY' } : {}),
          },
        }),
      );
    } catch (error) {
      // Changed meanwhile: that change set its own readiness.
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** The agency's publications not yet public (scheduled, unconfirmed, overdue), earliest due first. */
  async open(agencyId: string): Promise<Publication[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk',
      ExpressionAttributeValues: { ':pk': `OPEN_PUBLICATIONS#${agencyId}` },
    });
    return items.map((item) => fromItem<Publication>(item));
  }

  /** Work items of every agency in one status partition, optionally with a sort key up to `upTo`. */
  async work(
    partition:
      | 'PUBLICATION_SCHEDULED'
      | 'PUBLICATION_READY'
      | 'PUBLICATION_UNCONFIRMED'
      | 'PUBLICATION_OVERDUE'
      | 'PUBLICATION_LIVE',
    upTo?: string,
  ): Promise<{ agencyId: string; id: string }[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: upTo ? 'gsi2pk = :pk AND gsi2sk <= :upTo' : 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': partition, ...(upTo ? { ':upTo': `${upTo}#\uffff` } : {}) },
    });
    return items.map((item) => ({ agencyId: item.agencyId as string, id: item.id as string }));
  }

  /** The public record: listed while `listed`, readable by id always (a withdrawn one says so). */
  putPublicRecord(
    agencyId: string,
    record:
      | PublicRecord
      | {
          id: string;
          agencyId?: string;
          status: 'withdrawn' | 'expired';
          withdrawnAt?: string;
          reason?: string;
          replacedBy?: string;
        },
    listed: boolean,
    /** When it is news for the agency's feed (published, withdrawn); absent: it leaves the feed. */
    feedAt?: string,
  ): ChildWrite {
    return dynamoChildWrite({
      Put: {
        TableName: this.#table,
        Item: {
          pk: 'PUBLIC',
          sk: `PUBLICATION#${record.id}`,
          ...(feedAt ? { gsi2pk: `FEED#${agencyId}`, gsi2sk: `${feedAt}#${record.id}`, feedAt } : {}),
          ...(listed
            ? {
                gsi1pk: `PUBLIC_DECISIONS#${agencyId}`,
                gsi1sk: `${'publishedOn' in record ? record.publishedOn : ''}#${record.id}`,
                // A listed decision is found by its document number (文号) too.
                ...('documentNo' in record && record.documentNo
                  ? {
                      gsi3pk: publicDocumentPk(agencyId, record.documentNo),
                      gsi3sk: `${record.publishedOn}#${record.id}`,
                    }
                  : {}),
              }
            : {}),
          entity: 'public-record',
          ...record,
        },
      },
    });
  }

  /** The agency's latest publications and withdrawals, newest first (PUB-14). */
  async feed(agencyId: string, limit: number): Promise<(Item & { feedAt: string })[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `FEED#${agencyId}` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => fromItem<Item & { feedAt: string }>(item));
  }

  async getPublicRecord(id: string): Promise<Item | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: { pk: 'PUBLIC', sk: `PUBLICATION#${id}` } }),
    );
    return Item ? fromItem<Item>(Item) : undefined;
  }

  /**
   * The agency's listed decisions, newest first, a page at a time: published on a day between
   * `from` and `to`, of a category, or with a document number (an exact look-up of its own index).
   */
  async publicRecords(
    agencyId: string,
    limit: number,
    cursor?: string,
    search: PublicDecisionSearch = {},
  ): Promise<Page<PublicRecord>> {
    const byDocument = search.documentNo !== undefined;
    return indexPage<PublicRecord>(this.#db, {
      table: this.#table,
      index: byDocument ? 'gsi3' : 'gsi1',
      partition: byDocument
        ? publicDocumentPk(agencyId, search.documentNo ?? '')
        : `PUBLIC_DECISIONS#${agencyId}`,
      itemPk: 'PUBLIC',
      itemSkPrefix: 'PUBLICATION#',
      limit,
      cursor,
      ...(search.from || search.to
        ? // A key condition may not hold an empty string: no \`from\` is the first possible day.
          { sortBetween: [search.from ?? '0000-01-01', `${search.to ?? '9999-12-31'}#\uffff`] }
        : {}),
      ...(search.category
        ? {
            filter: {
              expression: '#category = :category',
              names: { '#category': 'category' },
              values: { ':category': search.category },
            },
          }
        : {}),
    });
  }

  async getRule(agencyId: string, category: string): Promise<PublicationRule | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: agencyPartition(agencyId), sk: `PUBLICATION_RULE#${category}` },
      }),
    );
    if (!Item) return undefined;
    const { category: _c, agencyId: _a, updatedAt: _u, updatedBy: _b, ...rule } = fromItem<Item>(Item);
    return rule as PublicationRule;
  }

  async putRule(
    agencyId: string,
    category: string,
    rule: PublicationRule,
    by: string,
    at: string,
  ): Promise<void> {
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          pk: agencyPartition(agencyId),
          sk: `PUBLICATION_RULE#${category}`,
          entity: 'publication-rule',
          agencyId,
          category,
          ...rule,
          updatedBy: by,
          updatedAt: at,
        },
      }),
    );
  }
}
