import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { Conflict, StaleWrite } from '#shared/kernel/errors.ts';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import { countsDelta, type DayCounts, mergeDays } from '#shared/kernel/statistics.ts';
import {
  type ChildWrite,
  dynamoChildWrite,
  type TransactItem,
  transactItemOf,
} from '#shared/kernel/store/child-write.ts';
import { isLostRace } from '#shared/kernel/store/conditional.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import { agencyPartition } from '#shared/kernel/store/keys.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import { type ListQuery, queryAll, sortKeyStartsWith, staffListPage } from '#shared/kernel/store/query.ts';
import { counterWrites } from '#shared/kernel/store/statistics-repository.ts';
import { versionCondition, versionedPut, writeAll } from '#shared/kernel/store/versioned.ts';
import type { Activity, CaseRecord } from '#shared/recording/domain/case.ts';
import { activityCounts, caseCounts } from '#shared/recording/domain/case-counts.ts';
import type { CaseDocument, DocumentVerification } from '#shared/recording/domain/documents.ts';
import type { SimpleFine } from '#shared/recording/domain/procedure.ts';
import {
  activityKeys,
  caseKeys,
  closedCasesPk,
  counterKeys,
  documentKeys,
  isClosedFile,
  JOURNAL_DAY,
  journalPk,
  simpleFineKeys,
  unitCasesPk,
  verificationKeys,
} from '#shared/recording/store/case-keys.ts';

type Item = Record<string, unknown>;

/** The simple procedure's fines on one party (by its identifier's hash) in one period (art. 51). */
export interface SimpleFineTally {
  agencyId: string;
  partyKey: string;
  period: string;
  fines: SimpleFine[];
  version: number;
}

/**
 * A case and its children (activities, documents), and its journal. Every change goes through
 * `commit`: the case (conditioned on the version read), the journal entry (a new item, never an
 * update) and the children are one transaction, so there is no change without its entry and no
 * entry without its change (REC-3).
 */
/** The case's own writes at the head of its creating transaction: the case, its entry, its day's mark. */
const OWN_WRITES = 3;

export class CaseRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #journal: string;

  constructor(db: DynamoDBDocumentClient, table: string, journalTable: string) {
    this.#db = db;
    this.#table = table;
    this.#journal = journalTable;
  }

  #caseItem(record: CaseRecord): Item {
    return {
      ...caseKeys(record.agencyId, record.id),
      gsi1pk: `CASES#${record.agencyId}`,
      gsi1sk: `${record.createdAt}#${record.id}`,
      gsi2pk: unitCasesPk(record.agencyId, record.unitId),
      gsi2sk: `${record.createdAt}#${record.id}`,
      // The agency's closed case files by the day they were closed (SUP-4); sparse: a case
      // reopened by a revocation leaves it until it is closed again.
      ...(isClosedFile(record)
        ? { gsi3pk: closedCasesPk(record.agencyId), gsi3sk: `${record.closedOn}#${record.id}` }
        : {}),
      entity: 'case',
      ...record,
    };
  }

  /**
   * The entry, and the case's mark for the day (Asia/Shanghai) with its newest head, which the
   * daily anchor job puts into the Object Lock archive (REC-3).
   */
  #journalWrites(record: CaseRecord, entry: JournalEntry): TransactItem[] {
    const day = legalDateOf(new Date(entry.at));
    return [
      {
        Put: {
          TableName: this.#journal,
          Item: { pk: journalPk(record.agencyId, record.id), ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.#table,
          Item: {
            pk: agencyPartition(record.agencyId),
            sk: `CASE#${record.id}#${JOURNAL_DAY}#${day}`,
            gsi2pk: `${JOURNAL_DAY}#${day}`,
            gsi2sk: `${record.agencyId}#${record.id}`,
            entity: 'journal-day',
            agencyId: record.agencyId,
            caseId: record.id,
            day,
            seq: entry.seq,
            head: entry.hash,
          },
        },
      },
    ];
  }

  /**
   * The children's writes, and one counter write per day for what the case's change and its
   * children add to the statistics: a change is counted exactly when it is committed.
   */
  #childWrites(record: CaseRecord, caseDelta: DayCounts[], children: ChildWrite[]): TransactItem[] {
    const days = mergeDays([...caseDelta, ...children.flatMap((child) => child.counts ?? [])]);
    return [...children.map(transactItemOf), ...counterWrites(this.#table, record.agencyId, record.id, days)];
  }

  /** Writes a new case with its first journal entry and children; a lost race is a StaleWrite, to retry. */
  async create(record: CaseRecord, entry: JournalEntry, children: ChildWrite[] = []): Promise<void> {
    try {
      await this.#db.send(
        new TransactWriteCommand({
          TransactItems: [
            versionedPut(this.#table, this.#caseItem(record), undefined),
            ...this.#journalWrites(record, entry),
            ...this.#childWrites(record, caseCounts(record), children),
          ],
        }),
      );
    } catch (error) {
      // The case's own writes (the case, its entry, its day's mark) failing a condition: its id is
      // taken, no race to retry (ids are ULIDs).
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      if (reasons.slice(0, OWN_WRITES).some((reason) => reason.Code === 'ConditionalCheckFailed'))
        throw new Conflict('案件已存在');
      // A child's (the inspection it opens was changed, a record's number taken) is a lost race
      // whose children are read again, as is a conflict.
      if (isLostRace(error)) throw new StaleWrite('立案请求与其他写入冲突，请重试');
      throw error;
    }
  }

  /** Writes `next` over `current` with its journal entry and child writes, or 409 if anything moved. */
  async commit(
    current: CaseRecord,
    next: CaseRecord,
    entry: JournalEntry,
    children: ChildWrite[] = [],
  ): Promise<void> {
    await writeAll(
      this.#db,
      [
        versionedPut(this.#table, this.#caseItem(next), current.version),
        ...this.#journalWrites(next, entry),
        ...this.#childWrites(next, countsDelta(caseCounts(current), caseCounts(next)), children),
      ],
      '案件已被他人修改，请刷新后重试',
    );
  }

  async get(agencyId: string, id: string): Promise<CaseRecord | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: caseKeys(agencyId, id), ConsistentRead: true }),
    );
    return Item ? fromItem<CaseRecord>(Item) : undefined;
  }

  /**
   * The agency's cases newest first; with `unit`, only that unit's (`null`: the cases without a
   * unit), from their own index, so a unit's page costs the same however large the agency; with
   * `status`, only those.
   */
  list(agencyId: string, query: ListQuery<CaseRecord['status']>): Promise<Page<CaseRecord>> {
    return staffListPage<CaseRecord>(
      this.#db,
      {
        table: this.#table,
        agencyId,
        agencyIndex: ['gsi1', `CASES#${agencyId}`],
        unitIndex: (unitId) => ['gsi2', unitCasesPk(agencyId, unitId)],
        itemSkPrefix: 'CASE#',
      },
      query,
    );
  }

  /**
   * The agency's case files closed between `from` and `to` (北京时间 dates, inclusive), oldest
   * first, from their own index: the cost is the period's closed files, not the agency's history.
   */
  async closedBetween(agencyId: string, from: string, to: string): Promise<CaseRecord[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': closedCasesPk(agencyId), ':from': from, ':to': `${to}#\uffff` },
    });
    return items.map((item) => fromItem<CaseRecord>(item));
  }

  async #children<T>(agencyId: string, caseId: string, marker: string): Promise<T[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      ...sortKeyStartsWith(agencyPartition(agencyId), `CASE#${caseId}#${marker}#`),
      ConsistentRead: true,
    });
    return items.map((item) => fromItem<T>(item));
  }

  activities(agencyId: string, caseId: string): Promise<Activity[]> {
    return this.#children<Activity>(agencyId, caseId, 'ACT');
  }

  documents(agencyId: string, caseId: string): Promise<CaseDocument[]> {
    return this.#children<CaseDocument>(agencyId, caseId, 'DOC');
  }

  /** A new activity, or `previous` changed into `activity`. */
  putActivity(activity: Activity, previous?: Activity): ChildWrite {
    return dynamoChildWrite(
      {
        Put: {
          TableName: this.#table,
          Item: {
            ...activityKeys(activity.agencyId, activity.caseId, activity.id),
            entity: 'activity',
            ...activity,
          },
          ConditionExpression: previous ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
        },
      },
      countsDelta(previous ? activityCounts(previous) : [], activityCounts(activity)),
    );
  }

  putDocument(document: CaseDocument): ChildWrite {
    return dynamoChildWrite({
      Put: {
        TableName: this.#table,
        Item: {
          ...documentKeys(document.agencyId, document.caseId, document.id),
          entity: 'document',
          ...document,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  async document(agencyId: string, caseId: string, id: string): Promise<CaseDocument | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: documentKeys(agencyId, caseId, id),
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem<CaseDocument>(Item) : undefined;
  }

  /** A new document's verification, under its code: a code is never taken twice. */
  putVerification(verification: DocumentVerification): ChildWrite {
    return dynamoChildWrite({
      Put: {
        TableName: this.#table,
        Item: {
          ...verificationKeys(verification.verificationCode),
          entity: 'document-verification',
          ...verification,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  async verification(code: string): Promise<DocumentVerification | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: verificationKeys(code) }),
    );
    return Item ? fromItem<DocumentVerification>(Item) : undefined;
  }

  /** The next serial of a document type in a year (1 if none yet). */
  async nextSerial(agencyId: string, type: string, year: string): Promise<number> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: counterKeys(agencyId, type, year),
        ConsistentRead: true,
      }),
    );
    return (Item?.next as number | undefined) ?? 1;
  }

  /** Takes `serial`, if nobody took it first: numbers have no gaps and no duplicates. */
  takeSerial(agencyId: string, type: string, year: string, serial: number): ChildWrite {
    return dynamoChildWrite({
      Put: {
        TableName: this.#table,
        Item: { ...counterKeys(agencyId, type, year), entity: 'document-counter', next: serial + 1 },
        ConditionExpression: serial === 1 ? 'attribute_not_exists(pk)' : '#next = :serial',
        ...(serial === 1
          ? {}
          : {
              ExpressionAttributeNames: { '#next': 'next' },
              ExpressionAttributeValues: { ':serial': serial },
            }),
      },
    });
  }

  /** One party's simple-procedure fines in one period: one keyed read, whatever the history. */
  async simpleFines(
    agencyId: string,
    partyKey: string,
    period: string,
  ): Promise<SimpleFineTally | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: simpleFineKeys(agencyId, partyKey, period),
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem<SimpleFineTally>(Item) : undefined;
  }

  /** Writes the tally, if nobody wrote it since `previous` was read (no fine slips past the sum). */
  putSimpleFines(tally: SimpleFineTally, previous?: SimpleFineTally): ChildWrite {
    return dynamoChildWrite({
      Put: {
        TableName: this.#table,
        Item: {
          ...simpleFineKeys(tally.agencyId, tally.partyKey, tally.period),
          entity: 'simple-fines',
          ...tally,
        },
        ...versionCondition(previous?.version),
      },
    });
  }

  /** The whole journal of a case, in order. */
  async journal(agencyId: string, caseId: string): Promise<JournalEntry[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#journal,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': journalPk(agencyId, caseId) },
      ConsistentRead: true,
    });
    return items.map(({ pk: _pk, ...entry }) => entry as unknown as JournalEntry);
  }
}
