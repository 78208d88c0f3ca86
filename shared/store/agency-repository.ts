import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyProfile } from '#shared/domain/agency.ts';

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
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, type: _type, ...profile } = Item;
    return profile as AgencyProfile;
  }

  async put(profile: AgencyProfile): Promise<void> {
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        Item: { ...keys(profile.agencyId), type: 'agency', ...profile },
      }),
    );
  }
}
