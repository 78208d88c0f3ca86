import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyProfile } from '#shared/domain/agency.ts';
import { fromItem } from '#shared/store/item.ts';

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

  async put(profile: AgencyProfile): Promise<void> {
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        Item: { ...keys(profile.agencyId), entity: 'agency', ...profile },
      }),
    );
  }
}
