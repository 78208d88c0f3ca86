import {
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { forEachConcurrently } from '#shared/concurrency.ts';
import { isConditionFailure } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { queryAll } from '#shared/kernel/store/query.ts';
import { JOURNAL_DAY } from '#shared/recording/store/case-keys.ts';

/** One case's journal head at the end of a day. */
export interface AnchoredHead {
  caseId: string;
  seq: number;
  head: string;
}

/** An agency's anchor of one day: the heads of every case that changed, linked to the day before. */
export interface JournalAnchor {
  agencyId: string;
  day: string;
  previous: { day: string; sha256: string } | null;
  cases: AnchoredHead[];
}

export interface AnchorRecord {
  agencyId: string;
  day: string;
  sha256: string;
  key: string;
}

const anchorKey = (agencyId: string, day: string) => `anchors/${agencyId}/${day}.json`;
/** A case's marks in the archive: one object per anchored day, under Object Lock like the anchor. */
const caseMarksPrefix = (agencyId: string, caseId: string) => `anchors/${agencyId}/cases/${caseId}/`;
const recordKeys = (agencyId: string, day: string) => ({
  pk: agencyPartition(agencyId),
  sk: `JOURNAL_ANCHOR#${day}`,
});
const latestKeys = (agencyId: string) => ({ pk: agencyPartition(agencyId), sk: 'JOURNAL_ANCHOR#LATEST' });

/**
 * Journal anchors (REC-3): each day's heads go, per agency, into the Object Lock archive, where no
 * one can change or delete them; the table only says where they are. A later version of the same
 * key (S3 keeps versions, and a locked one cannot be removed) is never read: the first one is.
 */
export class JournalAnchors {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #s3: S3Client;
  readonly #bucket: string;

  constructor(db: DynamoDBDocumentClient, table: string, s3: S3Client, bucket: string) {
    this.#db = db;
    this.#table = table;
    this.#s3 = s3;
    this.#bucket = bucket;
  }

  /** Every case of every agency whose journal grew on `day`, with its newest head that day. */
  async changedOn(day: string): Promise<(AnchoredHead & { agencyId: string })[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `${JOURNAL_DAY}#${day}` },
    });
    return items.map((item) => ({
      agencyId: item.agencyId as string,
      caseId: item.caseId as string,
      seq: item.seq as number,
      head: item.head as string,
    }));
  }

  /**
   * The days whose anchor holds a case, from the archive itself: its marks there cannot be
   * deleted (Object Lock), and are listed with every version, so a delete marker hides none. The
   * table's day items say which days to anchor; they are not trusted to say which to check.
   */
  async daysOf(agencyId: string, caseId: string): Promise<string[]> {
    const prefix = caseMarksPrefix(agencyId, caseId);
    const days = new Set<string>();
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    do {
      const page = await this.#s3.send(
        new ListObjectVersionsCommand({
          Bucket: this.#bucket,
          Prefix: prefix,
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
        }),
      );
      for (const version of page.Versions ?? []) if (version.Key) days.add(version.Key.slice(prefix.length));
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker);
    return [...days].sort();
  }

  async get(agencyId: string, day: string): Promise<AnchorRecord | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: recordKeys(agencyId, day), ConsistentRead: true }),
    );
    return Item ? fromItem<AnchorRecord>(Item) : undefined;
  }

  async latest(agencyId: string): Promise<AnchorRecord | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: latestKeys(agencyId), ConsistentRead: true }),
    );
    return Item ? fromItem<AnchorRecord>(Item) : undefined;
  }

  /** Puts the anchor into the archive, then records it; false if the day was anchored already. */
  async write(anchor: JournalAnchor, text: string, sha256: string): Promise<boolean> {
    const key = anchorKey(anchor.agencyId, anchor.day);
    await this.#s3.send(
      new PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: text, ContentType: 'application/json' }),
    );
    // Each case's mark of the day, after the anchor: a mark always has its anchor.
    await forEachConcurrently(anchor.cases, 16, async (head) => {
      await this.#s3.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: `${caseMarksPrefix(anchor.agencyId, head.caseId)}${anchor.day}`,
          Body: JSON.stringify({ day: anchor.day, seq: head.seq, head: head.head, anchorSha256: sha256 }),
          ContentType: 'application/json',
        }),
      );
    });
    const record: AnchorRecord = { agencyId: anchor.agencyId, day: anchor.day, sha256, key };
    try {
      await this.#db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.#table,
                Item: { ...recordKeys(anchor.agencyId, anchor.day), entity: 'journal-anchor', ...record },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.#table,
                Item: { ...latestKeys(anchor.agencyId), entity: 'journal-anchor', ...record },
                ConditionExpression: 'attribute_not_exists(pk) OR #day < :day',
                ExpressionAttributeNames: { '#day': 'day' },
                ExpressionAttributeValues: { ':day': anchor.day },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** The first version written under the day's key: the anchor as it was made. */
  async read(agencyId: string, day: string): Promise<string | undefined> {
    const key = anchorKey(agencyId, day);
    const { Versions = [] } = await this.#s3.send(
      new ListObjectVersionsCommand({ Bucket: this.#bucket, Prefix: key }),
    );
    // S3 lists a key's versions newest first: the last is the one written first.
    const first = Versions.filter((version) => version.Key === key).at(-1);
    if (!first) return undefined;
    const object = await this.#s3.send(
      new GetObjectCommand({ Bucket: this.#bucket, Key: key, VersionId: first.VersionId }),
    );
    return object.Body?.transformToString('utf8');
  }
}
