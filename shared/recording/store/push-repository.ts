import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ChildWrite, dynamoChildWrite } from '#shared/kernel/store/child-write.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import type { Delivery, PushTargetInput } from '#shared/recording/domain/push.ts';

const index = (delivery: Delivery) =>
  delivery.status === 'pending'
    ? { gsi2pk: 'PUSH_PENDING', gsi2sk: `${delivery.nextAttemptAt}#${delivery.id}` }
    : delivery.status === 'dead'
      ? { gsi2pk: `PUSH_DEAD#${delivery.agencyId}`, gsi2sk: `${delivery.createdAt}#${delivery.id}` }
      : {};

const toItem = (delivery: Delivery) => ({
  pk: `DELIVERY#${delivery.id}`,
  sk: 'DELIVERY',
  ...index(delivery),
  entity: 'delivery',
  ...delivery,
});

/** Push targets per agency, and the deliveries (an outbox) with their pending and dead-letter lists. */
export class PushRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async target(agencyId: string): Promise<PushTargetInput | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: { pk: agencyPartition(agencyId), sk: 'PUSH_TARGET' } }),
    );
    if (!Item) return undefined;
    const { url, secret, timeoutSeconds } = Item as PushTargetInput;
    return { url, secret, ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }) };
  }

  async putTarget(agencyId: string, target: PushTargetInput): Promise<void> {
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        Item: { pk: agencyPartition(agencyId), sk: 'PUSH_TARGET', entity: 'push-target', ...target },
      }),
    );
  }

  create(delivery: Delivery): ChildWrite {
    return dynamoChildWrite({
      Put: {
        TableName: this.#table,
        Item: toItem(delivery),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  async get(id: string): Promise<Delivery | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: `DELIVERY#${id}`, sk: 'DELIVERY' },
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem<Delivery>(Item) : undefined;
  }

  /** Saves the outcome of an attempt, if nobody else recorded one meanwhile; false if they did. */
  async save(
    delivery: Delivery,
    previousAttempts: number,
    previousStatus: Delivery['status'],
  ): Promise<boolean> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(delivery),
          ConditionExpression: 'attempts = :attempts AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':attempts': previousAttempts, ':status': previousStatus },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async due(now: string): Promise<string[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :now',
        ExpressionAttributeValues: { ':pk': 'PUSH_PENDING', ':now': `${now}#\uffff` },
        Limit: 200,
      }),
    );
    return Items.map((item) => item.id as string);
  }

  async dead(agencyId: string): Promise<Delivery[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `PUSH_DEAD#${agencyId}` },
      }),
    );
    return Items.map((item) => fromItem<Delivery>(item));
  }
}
