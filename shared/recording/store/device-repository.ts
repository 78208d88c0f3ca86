import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { queryAll, sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import type { Device } from '#shared/recording/domain/device.ts';

const keys = (agencyId: string, deviceId: string) => ({
  pk: agencyPartition(agencyId),
  sk: `DEVICE#${deviceId}`,
});

/** Recording devices of an agency (REC-10), one item each under the agency. */
export class DeviceRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async get(agencyId: string, deviceId: string): Promise<Device | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: keys(agencyId, deviceId) }),
    );
    return Item ? fromItem<Device>(Item) : undefined;
  }

  async put(device: Device): Promise<void> {
    await this.#db.send(
      new PutCommand({
        TableName: this.#table,
        Item: { ...keys(device.agencyId, device.deviceId), entity: 'device', ...device },
      }),
    );
  }

  /** An agency has tens to hundreds of devices: read whole. */
  async list(agencyId: string): Promise<Device[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      ...sortKeyStartsWith(agencyPartition(agencyId), 'DEVICE#'),
    });
    return items.map((item) => fromItem<Device>(item));
  }
}
