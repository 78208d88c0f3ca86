import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound } from '#shared/kernel/errors.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { decodeCursor, encodeCursor, type Page } from '#shared/kernel/store/pagination.ts';
import { queryAll, queryPage, sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import type { Officer, StatusChange } from '#shared/organisation/domain/officer.ts';

const keys = (agencyId: string, certificateNo: string) => ({
  pk: agencyPartition(agencyId),
  sk: `OFFICER#${certificateNo}`,
});

/** Certificates are looked up by number alone from the public verification page. */
const certificateIndexKeys = (agencyId: string, certificateNo: string) => ({
  gsi1pk: `CERT#${certificateNo}`,
  gsi1sk: agencyPartition(agencyId),
});

/** Every agency's certificates by end date, for the expiry job. */
const EXPIRY_INDEX_PK = 'CERT_VALID_TO';
const expiryIndexSortKey = (officer: Pick<Officer, 'agencyId' | 'certificateNo'>, validTo: string) =>
  `${validTo}#${officer.agencyId}#${officer.certificateNo}`;

function toItem(officer: Officer) {
  return {
    ...keys(officer.agencyId, officer.certificateNo),
    ...certificateIndexKeys(officer.agencyId, officer.certificateNo),
    gsi2pk: EXPIRY_INDEX_PK,
    gsi2sk: expiryIndexSortKey(officer, officer.validTo),
    entity: 'officer',
    ...officer,
  };
}

export class OfficerRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  /** Certificate numbers are unique per agency. */
  async create(officer: Officer): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(officer),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new Conflict('该执法证号已登记', [{ path: 'certificateNo', message: '本机关已有此证件编号' }]);
      }
      throw error;
    }
  }

  async get(agencyId: string, certificateNo: string): Promise<Officer | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: keys(agencyId, certificateNo), ConsistentRead: true }),
    );
    return Item ? fromItem<Officer>(Item) : undefined;
  }

  /** Every agency's certificate with this number (normally one). */
  async findByCertificate(certificateNo: string): Promise<Officer[]> {
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `CERT#${certificateNo}` },
      }),
    );
    return Items.map((item) => fromItem<Officer>(item));
  }

  async list(agencyId: string, limit: number, cursor?: string): Promise<Page<Officer>> {
    const { items, next } = await queryPage(
      this.#db,
      { TableName: this.#table, ...sortKeyStartsWith(agencyPartition(agencyId), 'OFFICER#') },
      decodeCursor(cursor, { partition: { pk: agencyPartition(agencyId) }, sortPrefix: { sk: 'OFFICER#' } }),
      limit,
    );
    const nextCursor = encodeCursor(next);
    return { items: items.map((item) => fromItem<Officer>(item)), ...(nextCursor ? { nextCursor } : {}) };
  }

  /** Certificates of every agency whose end date is in [from, to], in date order. */
  async listByValidTo(from: string, to: string): Promise<Officer[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': EXPIRY_INDEX_PK, ':from': `${from}#`, ':to': `${to}#\uffff` },
    });
    return items.map((item) => fromItem<Officer>(item));
  }

  /** Records a status decision, if nobody changed the certificate since `expectedVersion`. */
  async changeStatus(officer: Officer, change: StatusChange): Promise<Officer> {
    try {
      const { Attributes } = await this.#db.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: keys(officer.agencyId, officer.certificateNo),
          UpdateExpression:
            'SET #status = :status, statusHistory = list_append(statusHistory, :change), validTo = :validTo, gsi2sk = :expiryKey, version = version + :one',
          ConditionExpression: 'attribute_exists(pk) AND version = :version',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': change.status,
            ':change': [change],
            ':validTo': change.validTo ?? officer.validTo,
            ':expiryKey': expiryIndexSortKey(officer, change.validTo ?? officer.validTo),
            ':version': officer.version,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem<Officer>(Attributes ?? {});
    } catch (error) {
      if (isConditionFailure(error)) {
        const current = await this.get(officer.agencyId, officer.certificateNo);
        if (!current) throw new NotFound('执法人员不存在');
        throw new Conflict('证件状态已被他人修改，请刷新后重试');
      }
      throw error;
    }
  }
}
