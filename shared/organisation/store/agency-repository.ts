import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyProfile } from '#shared/kernel/agency.ts';
import { Conflict, NotFound, StaleWrite } from '#shared/kernel/errors.ts';
import type { TransactItem } from '#shared/kernel/store/child-write.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import { indexPage, queryAll } from '#shared/kernel/store/query.ts';
import { writeAll } from '#shared/kernel/store/versioned.ts';

const keys = (agencyId: string) => ({ pk: agencyPartition(agencyId), sk: 'PROFILE' });
/**
 * The supervision index (ORG-4): one item per supervisory body and agency it supervises, in the
 * body's own partition, written in the transaction that changes the agency's `supervisedBy`.
 * A supervisor's agencies are one keyed query of that partition.
 */
const supervisionKeys = (bodyId: string, agencyId: string) => ({
  pk: `SUPERVISOR#${bodyId}`,
  sk: agencyPartition(agencyId),
});

/** The conflict of a new agency whose id is taken. */
export const agencyIdTaken = () =>
  new Conflict('该机关代码已被使用', [{ path: 'agencyId', message: '机关代码已存在' }]);

// Every agency is listed (gsi2), for the jobs that run over all of them (the annual report).
const toItem = (profile: AgencyProfile) => ({
  ...keys(profile.agencyId),
  gsi2pk: 'AGENCIES',
  gsi2sk: profile.agencyId,
  entity: 'agency',
  ...profile,
});

const supervisionPut = (table: string, bodyId: string, agencyId: string): TransactItem => ({
  Put: {
    TableName: table,
    Item: { ...supervisionKeys(bodyId, agencyId), entity: 'supervision', bodyId, agencyId },
  },
});

/**
 * The writes of a new agency (ORG-6), for the transaction that also opens its first
 * administrator's account (`AccountRepository.openAgency`): the profile, conditioned on the id
 * being free, and an index item per supervisory body. The profile is the first.
 */
export function newAgencyWrites(table: string, profile: AgencyProfile): TransactItem[] {
  return [
    { Put: { TableName: table, Item: toItem(profile), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...(profile.supervisedBy ?? []).map((bodyId) => supervisionPut(table, bodyId, profile.agencyId)),
  ];
}

export class AgencyRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async get(agencyId: string): Promise<AgencyProfile | undefined> {
    const { Item } = await this.#db.send(new GetCommand({ TableName: this.#table, Key: keys(agencyId) }));
    return Item ? fromItem<AgencyProfile>(Item) : undefined;
  }

  /** Every agency's id. */
  async ids(): Promise<string[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': 'AGENCIES' },
    });
    return items.map((item) => item.agencyId as string);
  }

  /** The agencies in order of id, a page at a time; `nameContains` narrows each page (the public site's search). */
  async page(query: {
    limit: number;
    cursor?: string | undefined;
    nameContains?: string | undefined;
  }): Promise<Page<AgencyProfile>> {
    return indexPage<AgencyProfile>(this.#db, {
      table: this.#table,
      index: 'gsi2',
      partition: 'AGENCIES',
      itemPk: agencyPartition(''), // the prefix of every agency's partition
      itemSkPrefix: 'PROFILE',
      itemPkIsPrefix: true,
      limit: query.limit,
      cursor: query.cursor,
      ascending: true,
      ...(query.nameContains
        ? {
            filter: {
              expression: 'contains(#name, :name)',
              names: { '#name': 'name' },
              values: { ':name': query.nameContains },
            },
          }
        : {}),
    });
  }

  /**
   * The profile as its administrator edits it, carrying the `supervisedBy` it read: only
   * `supervise` changes that, with the index, so a profile whose bodies changed since it was read
   * is a StaleWrite to read again, never a list the index does not hold.
   */
  async put(profile: AgencyProfile): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(profile),
          ...(profile.supervisedBy
            ? {
                ConditionExpression: 'supervisedBy = :supervisedBy',
                ExpressionAttributeValues: { ':supervisedBy': profile.supervisedBy },
              }
            : { ConditionExpression: 'attribute_not_exists(supervisedBy)' }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new StaleWrite('该机关信息已被他人修改，请刷新后重试');
      throw error;
    }
  }

  /** A new agency (ORG-6) with its supervision index, in one transaction; a Conflict if the id is taken. */
  async create(profile: AgencyProfile): Promise<void> {
    try {
      await this.#db.send(new TransactWriteCommand({ TransactItems: newAgencyWrites(this.#table, profile) }));
    } catch (error) {
      if (isConditionFailure(error)) throw agencyIdTaken();
      throw error;
    }
  }

  /**
   * The bodies that supervise the agency, as the platform administrator says (ORG-4, ORG-6): the
   * profile and the index items of the bodies added and removed, in one transaction conditioned on
   * the `supervisedBy` read, so a concurrent change is a StaleWrite to read again.
   */
  async supervise(
    agencyId: string,
    supervisedBy: string[],
    change: { at: string; by: string },
  ): Promise<AgencyProfile> {
    const current = await this.get(agencyId);
    if (!current) throw new NotFound('机关不存在', [{ path: 'agencyId', message: '没有该机关' }]);
    const before = current.supervisedBy ?? [];
    const next: AgencyProfile = { ...current, supervisedBy, updatedAt: change.at, updatedBy: change.by };
    await writeAll(
      this.#db,
      [
        {
          Put: {
            TableName: this.#table,
            Item: toItem(next),
            ConditionExpression: 'updatedAt = :updatedAt',
            ExpressionAttributeValues: { ':updatedAt': current.updatedAt },
          },
        },
        ...supervisedBy
          .filter((bodyId) => !before.includes(bodyId))
          .map((bodyId) => supervisionPut(this.#table, bodyId, agencyId)),
        ...before
          .filter((bodyId) => !supervisedBy.includes(bodyId))
          .map((bodyId) => ({
            Delete: { TableName: this.#table, Key: supervisionKeys(bodyId, agencyId) },
          })),
      ],
      '该机关信息已被他人修改，请刷新后重试',
    );
    return next;
  }

  /** The agencies a supervisory body supervises (ORG-4): one query of its index partition. */
  async supervisedBy(bodyId: string): Promise<string[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `SUPERVISOR#${bodyId}` },
      ProjectionExpression: 'agencyId',
    });
    return items.map((item) => item.agencyId as string);
  }
}
