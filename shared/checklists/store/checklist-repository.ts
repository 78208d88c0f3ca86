import { gunzipSync, gzipSync } from 'node:zlib';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Checklist, ChecklistPointer, ChecklistSummary } from '#shared/checklists/domain/checklist.ts';
import type { ChecklistItem, ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';
import { Conflict, RuleViolation } from '#shared/kernel/errors.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { queryAll, sortKeyStartsWith } from '#shared/kernel/store/query.ts';

/**
 * Checklists are one DynamoDB item per version, so publishing (this version published, the one in
 * force superseded, the pointer moved) is one transaction. Items are stored gzip-compressed: a
 * county's matters list with its legal bases runs to hundreds of kilobytes of Chinese text, and a
 * DynamoDB item holds 400 KB.
 */
export const MAX_STORED_ITEMS_BYTES = 350 * 1024;

/** The attributes of a checklist item but its rows (`itemsGzip`). */
const SUMMARY_ATTRIBUTES = [
  'id',
  'agencyId',
  'kind',
  'title',
  'status',
  'edition',
  'effectiveFrom',
  'effectiveTo',
  'publishedAt',
  'publishedBy',
  'basedOn',
  'editors',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'itemCount',
];

const keys = (agencyId: string, id: string) => ({ pk: agencyPartition(agencyId), sk: `CHECKLIST#${id}` });
const currentKeys = (agencyId: string, kind: ChecklistKind) => ({
  pk: agencyPartition(agencyId),
  sk: `CHECKLIST_CURRENT#${kind}`,
});
const editionIndex = (checklist: Pick<Checklist, 'agencyId' | 'kind' | 'edition'>) => ({
  gsi1pk: `CHECKLIST#${checklist.agencyId}#${checklist.kind}`,
  gsi1sk: `EDITION#${String(checklist.edition).padStart(6, '0')}`,
});

function toItem(checklist: Checklist) {
  const { items, ...rest } = checklist;
  const packed = gzipSync(Buffer.from(JSON.stringify(items)));
  if (packed.length > MAX_STORED_ITEMS_BYTES) {
    throw new RuleViolation('CHECKLIST_TOO_LARGE', '清单内容过大，请拆分为多个清单', [
      {
        path: 'items',
        message: `压缩后 ${Math.round(packed.length / 1024)} KB，上限 ${MAX_STORED_ITEMS_BYTES / 1024} KB`,
      },
    ]);
  }
  return {
    ...keys(checklist.agencyId, checklist.id),
    ...(checklist.edition !== undefined ? editionIndex(checklist) : {}),
    entity: 'checklist',
    ...rest,
    itemCount: items.length,
    itemsGzip: packed,
  };
}

function checklistFromItem(item: Record<string, unknown>): Checklist {
  const { itemCount: _count, itemsGzip, ...rest } = fromItem<Record<string, unknown>>(item);
  const items = JSON.parse(gunzipSync(itemsGzip as Uint8Array).toString('utf8')) as ChecklistItem[];
  return { ...(rest as Omit<Checklist, 'items'>), items };
}

export class ChecklistRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  async create(checklist: Checklist): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(checklist),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict('清单已存在');
      throw error;
    }
  }

  async get(agencyId: string, id: string): Promise<Checklist | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: keys(agencyId, id), ConsistentRead: true }),
    );
    return Item ? checklistFromItem(Item) : undefined;
  }

  /** Replaces a draft, if it is still the version the editor read. */
  async saveDraft(checklist: Checklist, expectedVersion: number): Promise<void> {
    try {
      await this.#db.send(
        new PutCommand({
          TableName: this.#table,
          Item: toItem(checklist),
          ConditionExpression: '#status = :draft AND version = :expected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':draft': 'draft', ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict('清单已被他人修改或已发布，请刷新后重试');
      throw error;
    }
  }

  /** Every version of the agency's lists, newest first, optionally of one kind. */
  async list(agencyId: string): Promise<Checklist[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      ...sortKeyStartsWith(agencyPartition(agencyId), 'CHECKLIST#'),
      ScanIndexForward: false,
    });
    return items.map(checklistFromItem);
  }

  /**
   * Where the kind's editions stand as stored: the edition in force when it was last published,
   * and one published to take effect later (`pointerOn` says which is in force on a day).
   */
  async current(agencyId: string, kind: ChecklistKind): Promise<ChecklistPointer | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: currentKeys(agencyId, kind), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      ...(Item.id ? { inForce: { id: Item.id as string, edition: Item.edition as number } } : {}),
      ...(Item.nextId
        ? {
            next: {
              id: Item.nextId as string,
              edition: Item.nextEdition as number,
              effectiveFrom: Item.nextEffectiveFrom as string,
            },
          }
        : {}),
    };
  }

  /**
   * Every published edition of a kind (published or superseded), oldest first, without its rows:
   * page after page however many editions there are, each a few hundred bytes.
   */
  async editionSummaries(agencyId: string, kind: ChecklistKind): Promise<ChecklistSummary[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': editionIndex({ agencyId, kind, edition: 0 }).gsi1pk },
      ProjectionExpression: SUMMARY_ATTRIBUTES.map((_, index) => `#a${index}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(
        SUMMARY_ATTRIBUTES.map((name, index) => [`#a${index}`, name]),
      ),
    });
    return items.map((item) => fromItem<ChecklistSummary>(item));
  }

  /** One published edition of a kind, whole, by its number. */
  async edition(agencyId: string, kind: ChecklistKind, edition: number): Promise<Checklist | undefined> {
    const index = editionIndex({ agencyId, kind, edition });
    const { Items = [] } = await this.#db.send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
        ExpressionAttributeValues: { ':pk': index.gsi1pk, ':sk': index.gsi1sk },
      }),
    );
    const [item] = Items;
    return item ? checklistFromItem(item) : undefined;
  }

  /**
   * Publishes a draft in one transaction: the draft becomes the next edition, the edition in
   * force (if any) gets its last day (superseded, when that is yesterday), and the pointer moves
   * from `before` (as read) to `after`. Fails with 409 if the draft changed or another edition
   * was published meanwhile.
   */
  async publish(
    draft: Checklist,
    published: Checklist,
    superseded: Checklist | undefined,
    pointer: { before: ChecklistPointer | undefined; after: ChecklistPointer },
  ): Promise<void> {
    const pointerKey = currentKeys(published.agencyId, published.kind);
    const { before, after } = pointer;
    const unchanged = before && [
      before.inForce ? 'id = :id' : 'attribute_not_exists(id)',
      before.next ? 'nextId = :next' : 'attribute_not_exists(nextId)',
    ];
    const unchangedValues = {
      ...(before?.inForce ? { ':id': before.inForce.id } : {}),
      ...(before?.next ? { ':next': before.next.id } : {}),
    };
    try {
      await this.#db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#table,
                Item: toItem(published),
                ConditionExpression: '#status = :draft AND version = :version',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':draft': 'draft', ':version': draft.version },
              },
            },
            ...(superseded
              ? [
                  {
                    Put: {
                      TableName: this.#table,
                      Item: toItem(superseded),
                      ConditionExpression: '#status = :published',
                      ExpressionAttributeNames: { '#status': 'status' },
                      ExpressionAttributeValues: { ':published': 'published' },
                    },
                  },
                ]
              : []),
            {
              Put: {
                TableName: this.#table,
                Item: {
                  ...pointerKey,
                  entity: 'checklist-current',
                  ...(after.inForce ? { id: after.inForce.id, edition: after.inForce.edition } : {}),
                  ...(after.next
                    ? {
                        nextId: after.next.id,
                        nextEdition: after.next.edition,
                        nextEffectiveFrom: after.next.effectiveFrom,
                      }
                    : {}),
                },
                ...(unchanged
                  ? {
                      ConditionExpression: unchanged.join(' AND '),
                      ...(Object.keys(unchangedValues).length > 0
                        ? { ExpressionAttributeValues: unchangedValues }
                        : {}),
                    }
                  : { ConditionExpression: 'attribute_not_exists(pk)' }),
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict('清单已被他人修改或同类清单刚刚发布，请刷新后重试');
      throw error;
    }
  }
}
