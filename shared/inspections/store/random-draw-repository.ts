import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RandomDraw } from '#shared/inspections/domain/random-draw.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';

/** The conflict of a draw whose id is taken: a fault (ids are ULIDs), not a race to retry. */
export const drawTaken = () => new Conflict('抽查记录已存在');

/** Random draws (PUB-15): written once, never changed; listed per agency, newest first. */
export class RandomDrawRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async add(draw: RandomDraw): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            pk: 'PUBLIC',
            sk: `DRAW#${draw.id}`,
            gsi1pk: `DRAWS#${draw.agencyId}`,
            gsi1sk: `${draw.drawnAt}#${draw.id}`,
            entity: 'random-draw',
            ...draw,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw drawTaken();
      throw error;
    }
  }

  async get(id: string): Promise<RandomDraw | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: { pk: 'PUBLIC', sk: `DRAW#${id}` } }),
    );
    return Item ? fromItem<RandomDraw>(Item) : undefined;
  }

  async latest(agencyId: string, limit: number): Promise<RandomDraw[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `DRAWS#${agencyId}` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => fromItem<RandomDraw>(item));
  }
}
