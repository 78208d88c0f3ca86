import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import {
  type ChildWrite,
  dynamoChildWrite,
  type TransactItem,
  transactItemOf,
} from '#shared/kernel/store/child-write.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import { indexPage, queryAll } from '#shared/kernel/store/query.ts';
import { versionedPut, writeAll } from '#shared/kernel/store/versioned.ts';
import { awaitsReport, type Opinion, type SupervisionMatter } from '#shared/supervision/domain/matter.ts';
import type { OpenReferral } from '#shared/supervision/domain/referral.ts';
import { matterCounts } from '#shared/supervision/domain/supervision-report.ts';
import { supervisionCounterWrites } from '#shared/supervision/store/supervision-year-repository.ts';

const matterPk = (matterId: string) => `SUPERVISION_MATTER#${matterId}`;
const MATTER_SK = 'MATTER';
const opinionPk = (opinionId: string) => `SUPERVISION_OPINION#${opinionId}`;
const OPINION_SK = 'OPINION';
/** The supervised agency's matters, newest first (gsi1). */
const agencyMattersPk = (agencyId: string) => `SUPERVISION_MATTERS#${agencyId}`;
/** The matters one supervisory body opened against one agency, newest first (gsi2). */
const bodyMattersPk = (bodyId: string, agencyId: string) => `SUPERVISION_MATTERS_BY#${bodyId}#${agencyId}`;
/** The supervised agency's opinions waiting for its rectification report, by their last day (gsi4). */
const openRectificationsPk = (agencyId: string) => `OPEN_RECTIFICATIONS#${agencyId}`;
/** The same opinions by the body that issued them (gsi3): what its yearly report counts as overdue (SUP-6). */
const bodyOpenRectificationsPk = (bodyId: string) => `OPEN_RECTIFICATIONS_BY#${bodyId}`;
/** The one open referral of a case's decision (SUP-3), found by the case alone. */
const referralKeys = (agencyId: string, caseId: string) => ({
  pk: `DECISION_REFERRAL#${agencyId}#${caseId}`,
  sk: 'REFERRAL',
});

/** What a supervision opinion's pointer holds: where its matter is, and its place in the open-work index. */
export interface OpenRectification {
  opinionId: string;
  matterId: string;
  agencyId: string;
  /** The body that issued it: another body supervising the same agency does not see it. */
  supervisorAgencyId: string;
  number: string;
  rectifyBy: string;
}

/**
 * Supervision matters (SUP-2, SUP-3): one item per matter, its opinions inside it (a matter has
 * few), listed under the supervised agency (gsi1); its journal in the journal table, each step
 * written in the same transaction as the matter, as a case's (REC-3). Each opinion has a pointer
 * item (found by its id alone) which, while the opinion waits for a report or an acceptance, is
 * in the agency's open-work index by its last day: the overdue ones are a range of that index.
 */
export class MatterRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #journal: string;

  constructor(db: DynamoDBDocumentClient, table: string, journalTable: string) {
    this.#db = db;
    this.#table = table;
    this.#journal = journalTable;
  }

  #matterItem(matter: SupervisionMatter) {
    return {
      pk: matterPk(matter.matterId),
      sk: MATTER_SK,
      gsi1pk: agencyMattersPk(matter.agencyId),
      gsi1sk: matter.matterId,
      gsi2pk: bodyMattersPk(matter.supervisorAgencyId, matter.agencyId),
      gsi2sk: matter.matterId,
      entity: 'supervision-matter',
      ...matter,
    };
  }

  #opinionItem(matter: SupervisionMatter, opinion: Opinion) {
    const pointer: OpenRectification = {
      opinionId: opinion.opinionId,
      matterId: matter.matterId,
      agencyId: matter.agencyId,
      supervisorAgencyId: matter.supervisorAgencyId,
      number: opinion.number,
      rectifyBy: opinion.rectifyBy,
    };
    return {
      pk: opinionPk(opinion.opinionId),
      sk: OPINION_SK,
      ...(awaitsReport(opinion)
        ? {
            gsi4pk: openRectificationsPk(matter.agencyId),
            gsi4sk: `${opinion.rectifyBy}#${opinion.opinionId}`,
            gsi3pk: bodyOpenRectificationsPk(matter.supervisorAgencyId),
            gsi3sk: `${opinion.rectifyBy}#${opinion.opinionId}`,
          }
        : {}),
      entity: 'supervision-opinion',
      ...pointer,
    };
  }

  #writes(
    before: SupervisionMatter | undefined,
    matter: SupervisionMatter,
    entry: JournalEntry,
    condition: TransactItem,
    children: ChildWrite[],
  ) {
    return [
      condition,
      {
        Put: {
          TableName: this.#journal,
          Item: { pk: matterPk(matter.matterId), ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // Every opinion's pointer, as the matter now has it: in or out of the open-work index.
      ...matter.opinions.map((opinion) => ({
        Put: { TableName: this.#table, Item: this.#opinionItem(matter, opinion) },
      })),
      ...children.map(transactItemOf),
      // The body's yearly counters (SUP-6), from what the change did to the matter.
      ...supervisionCounterWrites(this.#table, matterCounts(before, matter)),
    ];
  }

  #creation(matter: SupervisionMatter, entry: JournalEntry): TransactItem[] {
    return this.#writes(
      undefined,
      matter,
      entry,
      versionedPut(this.#table, this.#matterItem(matter), undefined),
      [],
    );
  }

  /** A new matter with its first journal entry. */
  async create(matter: SupervisionMatter, entry: JournalEntry): Promise<void> {
    await writeAll(this.#db, this.#creation(matter, entry), '监督事项已存在');
  }

  /**
   * A new matter with its first journal entry as child writes of another store's transaction:
   * the matter a case file scored below the pass mark opens, in the score's write (SUP-4).
   */
  opening(matter: SupervisionMatter, entry: JournalEntry): ChildWrite[] {
    return this.#creation(matter, entry).map((item) => dynamoChildWrite(item));
  }

  #change(current: SupervisionMatter, next: SupervisionMatter, entry: JournalEntry, children: ChildWrite[]) {
    const put = versionedPut(this.#table, this.#matterItem(next), current.version);
    return this.#writes(current, next, entry, put, children);
  }

  /** `next` over `current` (the version read), with its journal entry and child writes (a serial). */
  async commit(
    current: SupervisionMatter,
    next: SupervisionMatter,
    entry: JournalEntry,
    children: ChildWrite[] = [],
  ): Promise<void> {
    await writeAll(
      this.#db,
      this.#change(current, next, entry, children),
      '监督事项已被他人修改，请刷新后重试',
    );
  }

  /**
   * The same change as child writes of another store's transaction: the referral a decision's
   * revocation makes done, in the revocation's write (SUP-3, PUB-11).
   */
  committing(
    current: SupervisionMatter,
    next: SupervisionMatter,
    entry: JournalEntry,
    children: ChildWrite[] = [],
  ): ChildWrite[] {
    return this.#change(current, next, entry, children).map((item) => dynamoChildWrite(item));
  }

  /** The open referral of a case's decision, if there is one. */
  async openReferral(agencyId: string, caseId: string): Promise<OpenReferral | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: referralKeys(agencyId, caseId), ConsistentRead: true }),
    );
    return Item ? fromItem<OpenReferral>(Item) : undefined;
  }

  /** Takes the decision's lock: the write fails when a referral of it is open already. */
  lockReferral(referral: OpenReferral): ChildWrite {
    return dynamoChildWrite({
      Put: {
        TableName: this.#table,
        Item: {
          ...referralKeys(referral.agencyId, referral.caseId),
          entity: 'decision-referral',
          ...referral,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }

  /** Releases the decision's lock, held by that referral, once the referral is done. */
  releaseReferral(referral: OpenReferral): ChildWrite {
    return dynamoChildWrite({
      Delete: {
        TableName: this.#table,
        Key: referralKeys(referral.agencyId, referral.caseId),
        ConditionExpression: 'referralId = :referral',
        ExpressionAttributeValues: { ':referral': referral.referralId },
      },
    });
  }

  async get(matterId: string): Promise<SupervisionMatter | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: matterPk(matterId), sk: MATTER_SK },
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem<SupervisionMatter>(Item) : undefined;
  }

  /** The matter an opinion belongs to, found by the opinion's id alone. */
  async matterOfOpinion(opinionId: string): Promise<string | undefined> {
    const { Item } = await this.#db.send(
      new GetCommand({ TableName: this.#table, Key: { pk: opinionPk(opinionId), sk: OPINION_SK } }),
    );
    return Item?.matterId as string | undefined;
  }

  /**
   * An agency's matters, newest first (matter ids are ULIDs): all of them, or those one
   * supervisory body opened (`byBody`), each a partition of its own, so no page is filtered.
   */
  list(agencyId: string, limit: number, cursor?: string, byBody?: string): Promise<Page<SupervisionMatter>> {
    return indexPage<SupervisionMatter>(this.#db, {
      table: this.#table,
      ...(byBody
        ? { index: 'gsi2', partition: bodyMattersPk(byBody, agencyId) }
        : { index: 'gsi1', partition: agencyMattersPk(agencyId) }),
      itemPk: 'SUPERVISION_MATTER#',
      itemPkIsPrefix: true,
      itemSkPrefix: MATTER_SK,
      limit,
      cursor,
    });
  }

  /** The agency's opinions waiting for a report whose last day is before `date`, the earliest first. */
  async openRectificationsBefore(agencyId: string, date: string): Promise<OpenRectification[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk < :date',
      ExpressionAttributeValues: { ':pk': openRectificationsPk(agencyId), ':date': date },
    });
    return items.map((item) => fromItem<OpenRectification>(item));
  }

  /** The opinions a body issued that wait for a report whose last day is before `date`, of every agency. */
  async openRectificationsOfBodyBefore(bodyId: string, date: string): Promise<OpenRectification[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :date',
      ExpressionAttributeValues: { ':pk': bodyOpenRectificationsPk(bodyId), ':date': date },
    });
    return items.map((item) => fromItem<OpenRectification>(item));
  }

  /** The whole journal of a matter, in order. */
  async journal(matterId: string): Promise<JournalEntry[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#journal,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': matterPk(matterId) },
      ConsistentRead: true,
    });
    return items.map(({ pk: _pk, ...entry }) => entry as unknown as JournalEntry);
  }
}
