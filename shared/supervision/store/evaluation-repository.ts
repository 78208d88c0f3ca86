import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import { type ChildWrite, transactItemOf } from '#shared/kernel/store/child-write.ts';
import { fromItem } from '#shared/kernel/store/item.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import { indexPage, queryAll } from '#shared/kernel/store/query.ts';
import { versionedPut, writeAll } from '#shared/kernel/store/versioned.ts';
import type { Evaluation, EvaluationFile } from '#shared/supervision/domain/evaluation.ts';
import { evaluationCount } from '#shared/supervision/domain/supervision-report.ts';
import { supervisionCounterWrites } from '#shared/supervision/store/supervision-year-repository.ts';

const evaluationPk = (id: string) => `EVALUATION#${id}`;
const HEADER = 'EVALUATION';
const fileSk = (caseId: string) => `FILE#${caseId}`;
/** A supervisory body's evaluations of one year (gsi1): what its ranking reads. */
const yearPk = (evaluatorAgencyId: string, year: number) => `EVALUATIONS#${evaluatorAgencyId}#${year}`;
/** The evaluations of one evaluated agency (gsi2), newest first: what the agency and its supervisors list. */
const agencyPk = (agencyId: string) => `EVALUATIONS_OF#${agencyId}`;
/** The evaluation's journal partition, beside the cases' journals (REC-3's chain). */
export const evaluationJournalPk = (id: string) => `EVALUATION#${id}`;

/**
 * Case-file evaluations (SUP-4): one partition per evaluation, its header and one item per
 * drawn file, so opening one is one query bounded by the sample; the headers of a supervisory
 * body's year in gsi1 for the ranking, and of the evaluated agency in gsi2 for its list. Every change is one transaction: the header over the
 * version read, the file, and the journal entry (hash-chained, append-only, as a case's).
 */
export class EvaluationRepository {
  readonly #db: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #journal: string;

  constructor(db: DynamoDBDocumentClient, table: string, journalTable: string) {
    this.#db = db;
    this.#table = table;
    this.#journal = journalTable;
  }

  #header(evaluation: Evaluation) {
    return {
      pk: evaluationPk(evaluation.id),
      sk: HEADER,
      gsi1pk: yearPk(evaluation.evaluatorAgencyId, evaluation.year),
      gsi1sk: `${evaluation.createdAt}#${evaluation.id}`,
      gsi2pk: agencyPk(evaluation.agencyId),
      gsi2sk: `${evaluation.createdAt}#${evaluation.id}`,
      entity: 'evaluation',
      ...evaluation,
    };
  }

  #file(file: EvaluationFile) {
    return {
      pk: evaluationPk(file.evaluationId),
      sk: fileSk(file.caseId),
      entity: 'evaluation-file',
      ...file,
    };
  }

  #journalPut(evaluation: Evaluation, entry: JournalEntry) {
    return {
      Put: {
        TableName: this.#journal,
        Item: { pk: evaluationJournalPk(evaluation.id), ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** A new evaluation, its drawn files and its first journal entry, together. */
  async create(evaluation: Evaluation, files: readonly EvaluationFile[], entry: JournalEntry): Promise<void> {
    await writeAll(
      this.#db,
      [
        versionedPut(this.#table, this.#header(evaluation), undefined),
        ...files.map((file) => versionedPut(this.#table, this.#file(file), undefined)),
        this.#journalPut(evaluation, entry),
        // The body's year counts the draw (SUP-6); another change met there is a StaleWrite, tried again.
        ...supervisionCounterWrites(this.#table, [evaluationCount(evaluation)]),
      ],
      '评查已存在',
    );
  }

  /** The evaluation and its files in drawn order: one query of its partition. */
  async get(id: string): Promise<{ evaluation: Evaluation; files: EvaluationFile[] } | undefined> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': evaluationPk(id) },
      ConsistentRead: true,
    });
    const header = items.find((item) => item.sk === HEADER);
    if (!header) return undefined;
    const files = items
      .filter((item) => item.sk !== HEADER)
      .map((item) => fromItem<EvaluationFile>(item))
      .sort((a, b) => a.order - b.order);
    return { evaluation: fromItem<Evaluation>(header), files };
  }

  /**
   * A file's score with the header's new totals and the journal entry, and the child writes that
   * ride with it (the supervision matter a failing file opens); anything moved meanwhile is a
   * StaleWrite.
   */
  async score(
    previous: Evaluation,
    next: Evaluation,
    previousFile: EvaluationFile,
    file: EvaluationFile,
    entry: JournalEntry,
    children: ChildWrite[] = [],
  ): Promise<void> {
    await writeAll(
      this.#db,
      [
        versionedPut(this.#table, this.#header(next), previous.version),
        versionedPut(this.#table, this.#file(file), previousFile.version),
        this.#journalPut(next, entry),
        ...children.map(transactItemOf),
      ],
      '评查已被他人更新，请刷新后重试',
    );
  }

  /** A page of the evaluations of an evaluated agency, newest first. */
  ofAgency(agencyId: string, limit: number, cursor?: string): Promise<Page<Evaluation>> {
    return indexPage<Evaluation>(this.#db, {
      table: this.#table,
      index: 'gsi2',
      partition: agencyPk(agencyId),
      itemPk: 'EVALUATION#',
      itemPkIsPrefix: true,
      itemSkPrefix: HEADER,
      limit,
      cursor,
    });
  }

  /** A supervisory body's evaluations of a year, oldest first: as many as it drew that year. */
  async ofYear(evaluatorAgencyId: string, year: number): Promise<Evaluation[]> {
    const items = await queryAll(this.#db, {
      TableName: this.#table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': yearPk(evaluatorAgencyId, year) },
    });
    return items.map((item) => fromItem<Evaluation>(item));
  }
}
