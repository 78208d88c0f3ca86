import { Conflict } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Training } from '#shared/organisation/domain/training.ts';
import { type TrainingRepository, trainingTaken } from '#shared/organisation/store/training-repository.ts';
import type { AnnualReport } from '#shared/publicity/domain/annual-report.ts';
import type { AnnualReportRepository } from '#shared/publicity/store/annual-report-repository.ts';
import type {
  RecomputeJob,
  RecomputePhase,
  RecomputeRepository,
} from '#shared/recording/store/recompute-repository.ts';
import { byteOrder, copy } from '#test/fakes/memory.ts';

/**
 * In-memory stores of the oversight and calendar use cases: officers' trainings, published annual
 * reports and deadline recomputations, each keeping the DynamoDB store's keys, conditions and
 * order (the repositories in each system's `store/`).
 */

/** Trainings (ORG-3) under `AGENCY#<agency>` / `TRAINING#<date>#<id>`, written once. */
export class InMemoryTrainings implements Port<TrainingRepository> {
  /** By the item's key: `<agency>` and its sort key. */
  readonly #items = new Map<string, { sk: string; training: Training }>();

  async add(training: Training): Promise<void> {
    const sk = `TRAINING#${training.date}#${training.id}`;
    const key = `${training.agencyId}\u0000${sk}`;
    if (this.#items.has(key)) throw trainingTaken();
    this.#items.set(key, { sk, training: copy(training) });
  }

  /** gsi1 `TRAININGS#<agency>#<certificate>`, by `<date>#<id>`. */
  async forOfficer(agencyId: string, certificateNo: string): Promise<Training[]> {
    return [...this.#items.values()]
      .map(({ training }) => training)
      .filter((training) => training.agencyId === agencyId && training.certificateNo === certificateNo)
      .sort((a, b) => byteOrder(`${a.date}#${a.id}`, `${b.date}#${b.id}`))
      .map(copy);
  }

  /** `sk BETWEEN TRAINING#<from> AND TRAINING#<to>#\uffff`, in sort-key order. */
  async between(agencyId: string, from: string, to: string): Promise<Training[]> {
    const low = `TRAINING#${from}`;
    const high = `TRAINING#${to}#\uffff`;
    return [...this.#items.values()]
      .filter(({ sk, training }) => training.agencyId === agencyId && sk >= low && sk <= high)
      .sort((a, b) => byteOrder(a.sk, b.sk))
      .map(({ training }) => copy(training));
  }
}

const annualSortKey = (year: number, version: number) => `ANNUAL#${year}#${String(version).padStart(4, '0')}`;

/** Published annual reports (LAW-7): one item per version, written once, a second writer a 409. */
export class InMemoryAnnualReports implements Port<AnnualReportRepository> {
  readonly #items = new Map<string, { agencyId: string; sk: string; report: AnnualReport }>();

  async add(report: AnnualReport): Promise<void> {
    const sk = annualSortKey(report.year, report.version);
    const key = `${report.agencyId}\u0000${sk}`;
    if (this.#items.has(key)) throw new Conflict('该版本的年度报告已发布');
    this.#items.set(key, { agencyId: report.agencyId, sk, report: copy(report) });
  }

  /** `begins_with(sk, ANNUAL#<year>#)`: oldest version first. */
  async versions(agencyId: string, year: number): Promise<AnnualReport[]> {
    const prefix = `ANNUAL#${year}#`;
    return [...this.#items.values()]
      .filter((item) => item.agencyId === agencyId && item.sk.startsWith(prefix))
      .sort((a, b) => byteOrder(a.sk, b.sk))
      .map(({ report }) => copy(report));
  }
}

/** Where the recomputation's work lists come from: the publications' and reviews' gsi2 entries. */
export interface WorkIndexes {
  publications: { workIndex(partition: string): { agencyId: string; id: string; sort: string }[] };
  reviews: { workIndex(partition: string): { agencyId: string; id: string; sort: string }[] };
}

/**
 * Recomputations (LAW-8): one item per job, saved from the version read, a lost race a 409. The
 * work pages read the publications' and reviews' index entries as DynamoDB does: in sort-key
 * order, a page ending where `limit` items were read (with a cursor even when nothing follows),
 * the next page starting after the last key read, so an item that moved meanwhile is not skipped
 * by an offset.
 */
export class InMemoryRecomputations implements Port<RecomputeRepository> {
  readonly #jobs = new Map<string, RecomputeJob>();
  readonly #indexes: WorkIndexes;

  constructor(indexes: WorkIndexes) {
    this.#indexes = indexes;
  }

  async get(id: string): Promise<RecomputeJob | undefined> {
    const job = this.#jobs.get(id);
    return job ? copy(job) : undefined;
  }

  async save(job: RecomputeJob, previousVersion?: number): Promise<void> {
    const stored = this.#jobs.get(job.id);
    const holds = previousVersion === undefined ? stored === undefined : stored?.version === previousVersion;
    if (!holds) throw new Conflict('重算任务已由其他进程推进');
    this.#jobs.set(job.id, copy(job));
  }

  /** gsi2 `RECOMPUTE_RUNNING`, by `<startedAt>#<id>`: only a running job is indexed. */
  async running(): Promise<RecomputeJob[]> {
    return [...this.#jobs.values()]
      .filter((job) => job.status === 'running')
      .sort((a, b) => byteOrder(`${a.startedAt}#${a.id}`, `${b.startedAt}#${b.id}`))
      .map(copy);
  }

  async workPage(phase: RecomputePhase, cursor: Record<string, unknown> | undefined, limit: number) {
    const index = phase.startsWith('PUBLICATION') ? this.#indexes.publications : this.#indexes.reviews;
    const after = typeof cursor?.gsi2sk === 'string' ? cursor.gsi2sk : undefined;
    const items = index
      .workIndex(phase)
      .filter((entry) => after === undefined || byteOrder(entry.sort, after) > 0)
      .slice(0, limit);
    const last = items.at(-1);
    const next =
      last && items.length === limit
        ? {
            pk: `AGENCY#${last.agencyId}`,
            sk: `${phase.startsWith('PUBLICATION') ? 'PUBLICATION' : 'REVIEW'}#${last.id}`,
            gsi2pk: phase,
            gsi2sk: last.sort,
          }
        : undefined;
    return { items: items.map(({ agencyId, id }) => ({ agencyId, id })), next };
  }
}
