import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyProfile } from '#shared/domain/agency.ts';
import { fromItem } from '#shared/store/item.ts';
import { queryAll } from '#shared/store/query.ts';

const keys = (agencyId: string) => ({ pk: `AGENCY#${agencyId}`, sk: 'PROFILE' });

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

  async put(profile: AgencyProfile): Promise<void> {
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        // Every agency is listed (gsi2), for the jobs that run over all of them (the annual report).
        Item: {
          ...keys(profile.agencyId),
          gsi2pk: 'AGENCIES',
          gsi2sk: profile.agencyId,
          entity: 'agency',
          ...profile,
        },
      }),
    );
  }
}
