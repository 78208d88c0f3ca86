import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '#shared/kernel/errors.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { queryAll } from '#shared/kernel/store/query.ts';
import type { Training } from '#shared/organisation/domain/training.ts';

/** The conflict of a training whose id is taken: a fault (ids are ULIDs), not a race to retry. */
export const trainingTaken = () => new Conflict('该培训记录已存在');

/** Officers' trainings (ORG-3), by date under the agency, so a period is one range query. */
export class TrainingRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async add(training: Training): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            pk: agencyPartition(training.agencyId),
            sk: `TRAINING#${training.date}#${training.id}`,
            gsi1pk: `TRAININGS#${training.agencyId}#${training.certificateNo}`,
            gsi1sk: `${training.date}#${training.id}`,
            entity: 'training',
            ...training,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw trainingTaken();
      throw error;
    }
  }

  async forOfficer(agencyId: string, certificateNo: string): Promise<Training[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `TRAININGS#${agencyId}#${certificateNo}` },
    });
    return items.map((item) => fromItem<Training>(item));
  }

  /** The agency's trainings dated within [from, to]. */
  async between(agencyId: string, from: string, to: string): Promise<Training[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': agencyPartition(agencyId),
        ':from': `TRAINING#${from}`,
        ':to': `TRAINING#${to}#\uffff`,
      },
    });
    return items.map((item) => fromItem<Training>(item));
  }
}
