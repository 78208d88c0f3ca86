import { legalDateOf } from '#shared/kernel/dates.ts';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import { type Counts, countsDelta, type DayCounts, mergeDays } from '#shared/kernel/statistics.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { ListQuery } from '#shared/kernel/store/query.ts';
import type { StatisticsRepository } from '#shared/kernel/store/statistics-repository.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';
import { reviewCounts } from '#shared/legal-review/domain/review-counts.ts';
import type { Reviewer } from '#shared/legal-review/domain/reviewer.ts';
import type { ReviewRepository } from '#shared/legal-review/store/review-repository.ts';
import type { Activity, CaseRecord } from '#shared/recording/domain/case.ts';
import { activityCounts, caseCounts, evidenceCounts } from '#shared/recording/domain/case-counts.ts';
import type { CaseDocument, DocumentVerification } from '#shared/recording/domain/documents.ts';
import type { Evidence, Retrieval } from '#shared/recording/domain/evidence.ts';
import { isClosedFile } from '#shared/recording/store/case-keys.ts';
import type { CaseRepository, SimpleFineTally } from '#shared/recording/store/case-repository.ts';
import type { EvidenceRepository } from '#shared/recording/store/evidence-repository.ts';
import {
  byteOrder,
  copy,
  type MemoryWrite,
  memoryChildWrite,
  memoryWriteOf,
  newestFirst,
  pageOf,
  versionedPut,
} from '#test/fakes/memory.ts';

/** A unit-scoped, status-filtered page, newest first, of any of a case's listed things. */
function listPage<T extends { unitId?: string | undefined; status: string }>(
  items: Iterable<T>,
  sortKey: (item: T) => string,
  { limit, cursor, unit, status }: ListQuery<string>,
): Page<T> {
  const chosen = [...items]
    .filter((item) => !unit || item.unitId === unit.unitId)
    .filter((item) => !status || item.status === status)
    .sort(newestFirst(sortKey));
  return pageOf(chosen, limit, cursor);
}

/** The statistics' day counters, added to by every case commit. */
export class InMemoryStatistics implements Port<StatisticsRepository> {
  readonly #days = new Map<string, Counts>();

  add(agencyId: string, days: readonly DayCounts[]): void {
    for (const { day, counts } of days) {
      const key = `${agencyId}#${day}`;
      const totals = this.#days.get(key) ?? {};
      for (const [name, value] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + value;
      this.#days.set(key, totals);
    }
  }

  async between(agencyId: string, from: string, to: string): Promise<Counts> {
    const totals: Counts = {};
    for (const [key, counts] of this.#days) {
      const [agency, day = ''] = key.split('#');
      if (agency !== agencyId || day < from || day > to) continue;
      for (const [name, value] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + value;
    }
    return totals;
  }

  async agenciesWithData(year: number): Promise<string[]> {
    const agencies = [...this.#days.keys()]
      .map((key) => key.split('#'))
      .filter(([, day = '']) => day.startsWith(`${year}-`))
      .map(([agency = '']) => agency);
    return [...new Set(agencies)];
  }
}

/**
 * Cases, their activities, documents, serial numbers and journals. `commit` is one transaction as
 * in DynamoDB: the case's version, then every child write's condition, are checked before
 * anything is applied; a lost race is a StaleWrite, which the use cases retry.
 */
export class InMemoryCases implements Port<CaseRepository> {
  readonly #cases = new Map<string, CaseRecord>();
  readonly #activities = new Map<string, Activity>();
  readonly #documents = new Map<string, CaseDocument>();
  readonly #verifications = new Map<string, DocumentVerification>();
  readonly #serials = new Map<string, number>();
  readonly #simpleFines = new Map<string, SimpleFineTally>();
  readonly #journals = new Map<string, JournalEntry[]>();
  readonly #statistics: InMemoryStatistics;
  /** Commits that will lose their race before they are applied (a test's stand-in for a rival writer). */
  #racesToLose = 0;

  constructor(statistics = new InMemoryStatistics()) {
    this.#statistics = statistics;
  }

  /** The next `count` commits lose their race, as if another request wrote the case first. */
  loseNextRaces(count: number): void {
    this.#racesToLose = count;
  }

  /** The days on which each case's journal grew, for the anchors (REC-3). */
  journalDays(): { agencyId: string; caseId: string; day: string; seq: number; head: string }[] {
    return [...this.#journals.entries()].flatMap(([key, entries]) => {
      const [agencyId = '', caseId = ''] = key.split('#');
      const lastOfDay = new Map<string, JournalEntry>();
      for (const entry of entries) lastOfDay.set(legalDateOf(new Date(entry.at)), entry);
      return [...lastOfDay].map(([day, entry]) => ({
        agencyId,
        caseId,
        day,
        seq: entry.seq,
        head: entry.hash,
      }));
    });
  }

  #transact(
    record: CaseRecord,
    caseWrite: MemoryWrite,
    entry: JournalEntry,
    caseDelta: DayCounts[],
    children: ChildWrite[],
    conflict: string,
  ): void {
    const writes = [caseWrite, ...children.map(memoryWriteOf)];
    if (this.#racesToLose > 0 || !writes.every((write) => write.holds())) {
      this.#racesToLose = Math.max(0, this.#racesToLose - 1);
      throw new StaleWrite(conflict);
    }
    for (const write of writes) write.apply();
    const journal = `${record.agencyId}#${record.id}`;
    this.#journals.set(journal, [...(this.#journals.get(journal) ?? []), copy(entry)]);
    this.#statistics.add(
      record.agencyId,
      mergeDays([...caseDelta, ...children.flatMap((child) => child.counts ?? [])]),
    );
  }

  async create(record: CaseRecord, entry: JournalEntry, children: ChildWrite[] = []): Promise<void> {
    const key = `${record.agencyId}#${record.id}`;
    // As DynamoDB's condition: an id taken is no race to retry but a fault (ids are ULIDs).
    if (this.#cases.has(key)) throw new Error(`ConditionalCheckFailed: case ${record.id} exists`);
    // As DynamoDB's: the case is new, so a failed condition is a child's, a race to read again.
    if (!children.every((child) => memoryWriteOf(child).holds()))
      throw new StaleWrite('立案所依据的记录已被他人修改，请重试');
    const write = versionedPut(this.#cases, key, record, undefined);
    this.#transact(record, write, entry, caseCounts(record), children, '立案请求与其他写入冲突，请重试');
  }

  async commit(
    current: CaseRecord,
    next: CaseRecord,
    entry: JournalEntry,
    children: ChildWrite[] = [],
  ): Promise<void> {
    const key = `${next.agencyId}#${next.id}`;
    const write: MemoryWrite = {
      holds: () => this.#cases.get(key)?.version === current.version,
      apply: () => void this.#cases.set(key, copy(next)),
    };
    const delta = countsDelta(caseCounts(current), caseCounts(next));
    this.#transact(next, write, entry, delta, children, '案件已被他人修改，请刷新后重试');
  }

  async get(agencyId: string, id: string): Promise<CaseRecord | undefined> {
    const record = this.#cases.get(`${agencyId}#${id}`);
    return record ? copy(record) : undefined;
  }

  async list(agencyId: string, query: ListQuery<CaseRecord['status']>): Promise<Page<CaseRecord>> {
    const mine = [...this.#cases.values()].filter((record) => record.agencyId === agencyId);
    return listPage(mine, (record) => `${record.createdAt}#${record.id}`, query);
  }

  async closedBetween(agencyId: string, from: string, to: string): Promise<CaseRecord[]> {
    return [...this.#cases.values()]
      .filter((record) => record.agencyId === agencyId && isClosedFile(record))
      .filter((record) => (record.closedOn ?? '') >= from && (record.closedOn ?? '') <= to)
      .sort((a, b) => byteOrder(`${a.closedOn}#${a.id}`, `${b.closedOn}#${b.id}`))
      .map(copy);
  }

  async activities(agencyId: string, caseId: string): Promise<Activity[]> {
    return [...this.#activities.values()]
      .filter((activity) => activity.agencyId === agencyId && activity.caseId === caseId)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(copy);
  }

  async documents(agencyId: string, caseId: string): Promise<CaseDocument[]> {
    return [...this.#documents.values()]
      .filter((document) => document.agencyId === agencyId && document.caseId === caseId)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(copy);
  }

  putActivity(activity: Activity, previous?: Activity): ChildWrite {
    const key = `${activity.agencyId}#${activity.caseId}#${activity.id}`;
    return memoryChildWrite(
      {
        holds: () => this.#activities.has(key) === (previous !== undefined),
        apply: () => void this.#activities.set(key, copy(activity)),
      },
      countsDelta(previous ? activityCounts(previous) : [], activityCounts(activity)),
    );
  }

  putDocument(document: CaseDocument): ChildWrite {
    const key = `${document.agencyId}#${document.caseId}#${document.id}`;
    return memoryChildWrite({
      holds: () => !this.#documents.has(key),
      apply: () => void this.#documents.set(key, copy(document)),
    });
  }

  async document(agencyId: string, caseId: string, id: string): Promise<CaseDocument | undefined> {
    const document = this.#documents.get(`${agencyId}#${caseId}#${id}`);
    return document && copy(document);
  }

  putVerification(verification: DocumentVerification): ChildWrite {
    return memoryChildWrite({
      holds: () => !this.#verifications.has(verification.verificationCode),
      apply: () => void this.#verifications.set(verification.verificationCode, copy(verification)),
    });
  }

  async verification(code: string): Promise<DocumentVerification | undefined> {
    const verification = this.#verifications.get(code);
    return verification && copy(verification);
  }

  async nextSerial(agencyId: string, type: string, year: string): Promise<number> {
    return this.#serials.get(`${agencyId}#${type}#${year}`) ?? 1;
  }

  takeSerial(agencyId: string, type: string, year: string, serial: number): ChildWrite {
    const key = `${agencyId}#${type}#${year}`;
    return memoryChildWrite({
      holds: () => (this.#serials.get(key) ?? 1) === serial,
      apply: () => void this.#serials.set(key, serial + 1),
    });
  }

  async simpleFines(agencyId: string, partyKey: string, period: string) {
    const tally = this.#simpleFines.get(`${agencyId}#${partyKey}#${period}`);
    return tally ? copy(tally) : undefined;
  }

  putSimpleFines(tally: SimpleFineTally, previous?: SimpleFineTally): ChildWrite {
    const key = `${tally.agencyId}#${tally.partyKey}#${tally.period}`;
    return memoryChildWrite(versionedPut(this.#simpleFines, key, tally, previous));
  }

  async journal(agencyId: string, caseId: string): Promise<JournalEntry[]> {
    return (this.#journals.get(`${agencyId}#${caseId}`) ?? []).map(copy);
  }
}

/** Legal reviews and reviewers. */
export class InMemoryReviews implements Port<ReviewRepository> {
  readonly #reviews = new Map<string, Review>();
  readonly #reviewers = new Map<string, Reviewer>();

  put(review: Review, previous?: Review): ChildWrite {
    return memoryChildWrite(
      versionedPut(this.#reviews, `${review.agencyId}#${review.id}`, review, previous),
      countsDelta(previous ? reviewCounts(previous) : [], reviewCounts(review)),
    );
  }

  async get(agencyId: string, id: string): Promise<Review | undefined> {
    const review = this.#reviews.get(`${agencyId}#${id}`);
    return review ? copy(review) : undefined;
  }

  async page(agencyId: string, query: ListQuery<Review['status']>): Promise<Page<Review>> {
    const mine = [...this.#reviews.values()].filter((review) => review.agencyId === agencyId);
    return listPage(mine, (review) => `${review.createdAt}#${review.id}`, query);
  }

  async open(agencyId: string): Promise<Review[]> {
    return [...this.#reviews.values()]
      .filter((review) => review.agencyId === agencyId && review.status === 'pending')
      .sort((a, b) => byteOrder(`${a.dueBy ?? ''}#${a.id}`, `${b.dueBy ?? ''}#${b.id}`))
      .map(copy);
  }

  async list(agencyId: string): Promise<Review[]> {
    return (await this.page(agencyId, { limit: Number.MAX_SAFE_INTEGER })).items;
  }

  async dueBefore(date: string): Promise<{ agencyId: string; id: string }[]> {
    return [...this.#reviews.values()]
      .filter((review) => review.status === 'pending' && review.dueBy !== null && review.dueBy < date)
      .map(({ agencyId, id }) => ({ agencyId, id }));
  }

  /**
   * The recomputation's work lists of reviews with each item's sort key, as the DynamoDB store
   * indexes them (gsi2): pending with a due date under REVIEW_DUE, pending and held under
   * REVIEW_UNCONFIRMED.
   */
  workIndex(partition: string): { agencyId: string; id: string; sort: string }[] {
    return [...this.#reviews.values()]
      .filter((review) => review.status === 'pending')
      .flatMap(({ agencyId, id, dueBy }) => {
        if (partition === 'REVIEW_DUE' && dueBy !== null)
          return [{ agencyId, id, sort: `${dueBy}#${agencyId}#${id}` }];
        if (partition === 'REVIEW_UNCONFIRMED' && dueBy === null)
          return [{ agencyId, id, sort: `${agencyId}#${id}` }];
        return [];
      })
      .sort((a, b) => byteOrder(a.sort, b.sort));
  }

  async getReviewer(agencyId: string, userId: string): Promise<Reviewer | undefined> {
    const reviewer = this.#reviewers.get(`${agencyId}#${userId}`);
    return reviewer ? copy(reviewer) : undefined;
  }

  async putReviewer(reviewer: Reviewer): Promise<void> {
    this.#reviewers.set(`${reviewer.agencyId}#${reviewer.userId}`, copy(reviewer));
  }

  async reviewers(agencyId: string): Promise<Reviewer[]> {
    // As the store's range of REVIEWER# sort keys: by user id.
    return [...this.#reviewers.values()]
      .filter((reviewer) => reviewer.agencyId === agencyId)
      .sort((a, b) => byteOrder(a.userId, b.userId))
      .map(copy);
  }
}

/** AV evidence and its retrieval logs. */
export class InMemoryEvidence implements Port<EvidenceRepository> {
  readonly #evidence = new Map<string, Evidence>();
  readonly #retrievals = new Map<string, Retrieval>();

  put(evidence: Evidence, expectStatus?: Evidence['status']): ChildWrite {
    const key = `${evidence.agencyId}#${evidence.id}`;
    return memoryChildWrite(
      {
        holds: () =>
          expectStatus ? this.#evidence.get(key)?.status === expectStatus : !this.#evidence.has(key),
        apply: () => void this.#evidence.set(key, copy(evidence)),
      },
      expectStatus ? undefined : evidenceCounts(evidence),
    );
  }

  async get(agencyId: string, id: string): Promise<Evidence | undefined> {
    const evidence = this.#evidence.get(`${agencyId}#${id}`);
    return evidence ? copy(evidence) : undefined;
  }

  async forCase(agencyId: string, caseId: string): Promise<Evidence[]> {
    return [...this.#evidence.values()]
      .filter((evidence) => evidence.agencyId === agencyId && evidence.caseId === caseId)
      .sort((a, b) => byteOrder(a.id, b.id))
      .map(copy);
  }

  async pending({
    limit = 100,
    after,
    before,
    next,
  }: {
    limit?: number;
    after?: string;
    before?: string;
    next?: Record<string, unknown>;
  } = {}) {
    const waiting = [...this.#evidence.values()]
      .filter((evidence) => evidence.status === 'pending-upload')
      .filter(
        (evidence) => (!after || evidence.createdAt >= after) && (!before || evidence.createdAt < before),
      )
      .sort((a, b) => `${a.createdAt}#${a.id}`.localeCompare(`${b.createdAt}#${b.id}`));
    const start = typeof next?.offset === 'number' ? next.offset : 0;
    return {
      items: waiting.slice(start, start + limit).map(copy),
      ...(start + limit < waiting.length ? { next: { offset: start + limit } } : {}),
    };
  }

  async *allPending(range: { after?: string; before?: string } = {}): AsyncGenerator<Evidence> {
    let next: Record<string, unknown> | undefined;
    do {
      const page = await this.pending({ ...range, ...(next ? { next } : {}) });
      yield* page.items;
      next = page.next;
    } while (next);
  }

  putRetrieval(retrieval: Retrieval): ChildWrite {
    const key = `${retrieval.agencyId}#${retrieval.evidenceId}#${retrieval.id}`;
    return memoryChildWrite({
      holds: () => !this.#retrievals.has(key),
      apply: () => void this.#retrievals.set(key, copy(retrieval)),
    });
  }

  async retrievals(agencyId: string, evidenceId: string): Promise<Retrieval[]> {
    return (
      [...this.#retrievals.values()]
        .filter((retrieval) => retrieval.agencyId === agencyId && retrieval.evidenceId === evidenceId)
        // As the store's range of the evidence's RETRIEVAL# sort keys: by id, the order they were taken.
        .sort((a, b) => byteOrder(a.id, b.id))
        .map(copy)
    );
  }
}
