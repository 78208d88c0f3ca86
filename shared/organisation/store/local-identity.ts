import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound } from '#shared/kernel/errors.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import type { IdentityProvider, Login, StoredLogin } from '#shared/organisation/store/identity.ts';

const keys = (agencyId: string, userId: string) => ({ pk: agencyPartition(agencyId), sk: `LOGIN#${userId}` });

/**
 * The identity store on one machine (ORG-5): what Cognito keeps in AWS, in the main table of
 * DynamoDB Local. The local sign-in page lists its enabled identities (`GET /dev/users`) and
 * `POST /dev/token` refuses a disabled one.
 */
export class LocalIdentity implements IdentityProvider {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async create(login: Login): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...keys(login.agencyId, login.userId), entity: 'login', ...login, enabled: true },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new Conflict('该账号已存在', [{ path: 'userId', message: '账号已存在' }]);
      throw error;
    }
  }

  async update(before: Login, after: Login): Promise<void> {
    const stored = await this.get(before.agencyId, before.userId);
    if (!stored) throw new NotFound('账号不存在');
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        Item: { ...keys(after.agencyId, after.userId), entity: 'login', ...after, enabled: stored.enabled },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  async disable(login: Login): Promise<void> {
    await this.#db.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: keys(login.agencyId, login.userId),
        UpdateExpression: 'SET enabled = :false',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':false': false },
      }),
    );
  }

  async get(agencyId: string, userId: string): Promise<StoredLogin | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: keys(agencyId, userId), ConsistentRead: true }),
    );
    return Item ? fromItem<StoredLogin>(Item) : undefined;
  }

  /** The agency's enabled identities, for the local sign-in page (a page of 100: a demo's worth). */
  async enabled(agencyId: string): Promise<StoredLogin[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        ...sortKeyStartsWith(agencyPartition(agencyId), 'LOGIN#'),
        Limit: 100,
      }),
    );
    return Items.map((item) => fromItem<StoredLogin>(item)).filter((login) => login.enabled);
  }
}
