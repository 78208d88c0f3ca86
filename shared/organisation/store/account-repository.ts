import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyProfile } from '#shared/kernel/agency.ts';
import { Conflict, ValidationFailed } from '#shared/kernel/errors.ts';
import { GENESIS_HASH, type JournalEntry, nextEntry } from '#shared/kernel/journal.ts';
import type { TransactItem } from '#shared/kernel/store/child-write.ts';
import { isConditionFailure, isTransactionConflict } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import { decodeCursor, encodeCursor, type Page } from '#shared/kernel/store/pagination.ts';
import { queryPage, sortKeyStartsWith } from '#shared/kernel/store/query.ts';
import { versionCondition, versionedPut } from '#shared/kernel/store/versioned.ts';
import type { Account } from '#shared/organisation/domain/account.ts';
import { agencyIdTaken, newAgencyWrites } from '#shared/organisation/store/agency-repository.ts';

const accountKey = (agencyId: string, userId: string) => ({
  pk: agencyPartition(agencyId),
  sk: `ACCOUNT#${userId}`,
});
/** The head of the agency's account log: its last seq and hash. */
const logHeadKey = (agencyId: string) => ({ pk: agencyPartition(agencyId), sk: 'ACCOUNT_LOG' });
/** The accounts disabled lately, which the request path refuses (ORG-5). */
const revokedKey = (agencyId: string) => ({ pk: agencyPartition(agencyId), sk: 'REVOKED' });
/** The account log's partition in the journal table, beside the cases' journals. */
export const accountLogPk = (agencyId: string) => `ACCOUNTS#${agencyId}`;

/**
 * How long a disabled account stays in its agency's revocation item: longer than any token lives
 * (12 hours locally, 1 hour from Cognito, whose refresh tokens AdminUserGlobalSignOut revokes).
 * After that its tokens are expired anyway, so the item holds the disables of a day, never an
 * agency's history.
 */
export const REVOCATION_KEEP_SECONDS = 24 * 60 * 60;

export interface LogChange {
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * The agency's account directory (ORG-5) and its log. Every change is one transaction: the
 * account (conditioned on the version read), the log entry (a new item in the journal table,
 * never an update), the log's head (conditioned on the seq read, so two changes cannot both be
 * entry n) and, for a disable, the agency's revocation item; for a new agency, its profile too.
 */
export class AccountRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #journal: string;

  constructor(db: DynamoDBDocumentClient, table: string, journalTable: string) {
    this.#db = db;
    this.#table = table;
    this.#journal = journalTable;
  }

  async get(agencyId: string, userId: string): Promise<Account | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: accountKey(agencyId, userId), ConsistentRead: true }),
    );
    return Item ? fromItem<Account>(Item) : undefined;
  }

  async page(agencyId: string, limit: number, cursor?: string): Promise<Page<Account>> {
    const { items, next } = await queryPage(
      this.#db,
      { TableName: this.#table, ...sortKeyStartsWith(agencyPartition(agencyId), 'ACCOUNT#') },
      decodeCursor(cursor, { partition: { pk: agencyPartition(agencyId) }, sortPrefix: { sk: 'ACCOUNT#' } }),
      limit,
    );
    const nextCursor = encodeCursor(next);
    return { items: items.map((item) => fromItem<Account>(item)), ...(nextCursor ? { nextCursor } : {}) };
  }

  /**
   * Writes `account` (new when `expectedVersion` is undefined) with its log entry; a Conflict if
   * the account moved since it was read, or exists already. A lost race for the log's head is
   * tried again with the new head.
   */
  async commit(
    account: Account,
    expectedVersion: number | undefined,
    change: LogChange,
  ): Promise<JournalEntry> {
    return this.#commit(account, expectedVersion, change, []);
  }

  /**
   * A new agency and its first administrator's account (ORG-6), in one transaction: the agency's
   * profile and supervision index (`newAgencyWrites`), the account, its log entry and the log's
   * head. Either the agency exists with its administrator's account, or nothing was written; a
   * Conflict if the agency id is taken.
   */
  async openAgency(profile: AgencyProfile, firstAdmin: Account, change: LogChange): Promise<JournalEntry> {
    return this.#commit(firstAdmin, undefined, change, newAgencyWrites(this.#table, profile));
  }

  async #commit(
    account: Account,
    expectedVersion: number | undefined,
    change: LogChange,
    alongside: TransactItem[],
  ): Promise<JournalEntry> {
    for (let attempt = 0; ; attempt += 1) {
      const head = await this.#head(account.agencyId);
      const entry = nextEntry(head, change);
      const revocation = account.status === 'disabled' && expectedVersion !== undefined;
      const revoked = revocation ? await this.revoked(account.agencyId) : undefined;
      try {
        await this.#db.send(
          new TransactWriteCommand({
            TransactItems: [
              versionedPut(
                this.#table,
                { ...accountKey(account.agencyId, account.userId), entity: 'account', ...account },
                expectedVersion,
              ),
              {
                Put: {
                  TableName: this.#journal,
                  Item: { pk: accountLogPk(account.agencyId), ...entry },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: this.#table,
                  Item: {
                    ...logHeadKey(account.agencyId),
                    entity: 'account-log',
                    seq: entry.seq,
                    hash: entry.hash,
                  },
                  ...(head.seq === 0
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : { ConditionExpression: 'seq = :seq', ExpressionAttributeValues: { ':seq': head.seq } }),
                },
              },
              ...(revoked
                ? [
                    {
                      Put: {
                        TableName: this.#table,
                        Item: {
                          ...revokedKey(account.agencyId),
                          entity: 'revocations',
                          version: revoked.version + 1,
                          subjects: {
                            ...keptRevocations(revoked.subjects, Date.parse(change.at)),
                            [account.userId]: Math.floor(Date.parse(change.at) / 1000),
                          },
                        },
                        ...versionCondition(revoked.version === 0 ? undefined : revoked.version),
                      },
                    },
                  ]
                : []),
              ...alongside,
            ],
          }),
        );
        return entry;
      } catch (error) {
        const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
        // A new agency's profile comes first of what rides along: its condition is the id being free.
        if (alongside.length > 0 && reasons.at(-alongside.length)?.Code === 'ConditionalCheckFailed') {
          throw agencyIdTaken();
        }
        const accountMoved = reasons[0]?.Code === 'ConditionalCheckFailed';
        if (accountMoved) {
          throw new Conflict(
            expectedVersion === undefined ? '该账号已存在' : '该账号已被他人修改，请刷新后重试',
            [{ path: 'userId', message: expectedVersion === undefined ? '账号已存在' : '账号已变更' }],
          );
        }
        if ((isConditionFailure(error) || isTransactionConflict(error)) && attempt < 4) continue;
        throw error;
      }
    }
  }

  async #head(agencyId: string): Promise<{ seq: number; hash: string }> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: logHeadKey(agencyId), ConsistentRead: true }),
    );
    return Item ? { seq: Item.seq as number, hash: Item.hash as string } : { seq: 0, hash: GENESIS_HASH };
  }

  /** The head of the log, to verify a read of it against (`verifyChain`). */
  async logHead(agencyId: string): Promise<{ seq: number; hash: string }> {
    return this.#head(agencyId);
  }

  /** The account log, newest first, a page at a time. */
  async log(agencyId: string, limit: number, cursor?: string): Promise<Page<JournalEntry>> {
    const { items, next } = await queryPage(
      this.#db,
      {
        TableName: this.#journal,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': accountLogPk(agencyId) },
        ScanIndexForward: false,
        ConsistentRead: true,
      },
      logCursor(agencyId, cursor),
      limit,
      ['pk', 'seq'],
    );
    const nextCursor = next ? String(next.seq) : undefined;
    return {
      items: items.map(({ pk: _pk, ...entry }) => entry as unknown as JournalEntry),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }

  /**
   * The subjects of the agency disabled lately, with when (epoch seconds), and the item's version.
   * The request path reads this once per cache period per agency (`shared/http/revocations.ts`).
   */
  async revoked(agencyId: string): Promise<{ subjects: Record<string, number>; version: number }> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: revokedKey(agencyId), ConsistentRead: true }),
    );
    return Item
      ? { subjects: (Item.subjects ?? {}) as Record<string, number>, version: Item.version as number }
      : { subjects: {}, version: 0 };
  }
}

/** The revocations still younger than any token: older ones name only expired tokens. */
function keptRevocations(subjects: Record<string, number>, nowMs: number): Record<string, number> {
  const oldest = Math.floor(nowMs / 1000) - REVOCATION_KEEP_SECONDS;
  return Object.fromEntries(Object.entries(subjects).filter(([, at]) => at >= oldest));
}

/** The log's cursor is the seq to continue below; anything else is a 400. */
function logCursor(agencyId: string, cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  if (!/^[1-9][0-9]{0,15}$/.test(cursor)) {
    throw new ValidationFailed([{ path: 'cursor', message: '分页游标无效' }]);
  }
  return { pk: accountLogPk(agencyId), seq: Number(cursor) };
}
