import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyProfile } from '#shared/domain/agency.ts';
import { Conflict } from '#shared/errors.ts';
import { isConditionFailure } from '#shared/store/conditional.ts';
import { fromItem } from '#shared/store/item.ts';
import type { Page } from '#shared/store/pagination.ts';
import { indexPage, queryAll } from '#shared/store/query.ts';

const keys = (agencyId: string) => ({ pk: `AGENCY#${agencyId}`, sk: 'PROFILE' });

// Every agency is listed (gsi2), for the jobs that run over all of them (the annual report).
const toItem = (profile: AgencyProfile) => ({
  ...keys(profile.agencyId),
  gsi2pk: 'AGENCIES',
  gsi2sk: profile.agencyId,
  entity: 'agency',
  ...profile,
});

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
      itemPk: 'AGENCY#',
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

  async put(profile: AgencyProfile): Promise<void> {
    await this.#db.send(new PutCommand({ TableName: this.#table, Item: toItem(profile) }));
  }

  /** A new agency (ORG-6); a Conflict if the id is taken. */
  async create(profile: AgencyProfile): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(profile),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new Conflict('该机关代码已被使用', [{ path: 'agencyId', message: '机关代码已存在' }]);
      }
      throw error;
    }
  }
}
