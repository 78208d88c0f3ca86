import { ulid } from 'ulid';
import type { YearCalendar } from '#shared/kernel/calendar.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { recomputeReviewDeadline } from '#shared/legal-review/use-cases/review-deadlines.ts';
import type { PublicationPorts } from '#shared/publicity/use-cases/publication-access.ts';
import { recomputePublicationDeadline } from '#shared/publicity/use-cases/publication-sweep.ts';
import {
  RECOMPUTE_PHASES,
  type RecomputeJob,
  type RecomputeRepository,
} from '#shared/recording/store/recompute-repository.ts';

export interface RecomputePorts extends PublicationPorts {
  recomputations: Port<RecomputeRepository>;
}

const PAGE = 25;

/** Starts the recomputation of every open deadline after `calendar` was loaded (LAW-8). */
export async function startRecomputation(
  ports: RecomputePorts,
  principal: Principal,
  calendar: YearCalendar,
): Promise<RecomputeJob> {
  const now = ports.now().toISOString();
  const job: RecomputeJob = {
    id: ulid(),
    year: calendar.year,
    calendarVersion: calendar.version,
    status: 'running',
    phase: 0,
    processed: 0,
    changed: 0,
    startedAt: now,
    startedBy: principal.sub,
    updatedAt: now,
    version: 1,
  };
  await ports.recomputations.save(job);
  return job;
}

/**
 * Runs a recomputation page by page until it is done or `budgetMs` is spent, saving where it got
 * to after each page: a crash or a timeout loses at most one page, which is done again (each item
 * is recomputed idempotently). Two runners on one job: the one that loses the race stops.
 */
export async function runRecomputation(
  ports: RecomputePorts,
  id: string,
  budgetMs: number,
  recomputed: string[] = [],
): Promise<RecomputeJob | undefined> {
  const until = Date.now() + budgetMs;
  let job = await ports.recomputations.get(id);
  while (job && job.status === 'running' && Date.now() < until) {
    const phase = RECOMPUTE_PHASES[job.phase];
    if (!phase) {
      const done: RecomputeJob = {
        ...job,
        status: 'done',
        updatedAt: ports.now().toISOString(),
        finishedAt: ports.now().toISOString(),
        version: job.version + 1,
      };
      await ports.recomputations.save(done, job.version);
      return done;
    }
    const page = await ports.recomputations.workPage(phase, job.cursor, PAGE);
    let changed = 0;
    for (const { agencyId, id: itemId } of page.items) {
      const recompute = phase.startsWith('PUBLICATION')
        ? recomputePublicationDeadline
        : recomputeReviewDeadline;
      if (await recompute(ports, agencyId, itemId, job.year)) {
        changed += 1;
        recomputed.push(itemId);
      }
    }
    const { cursor: _cursor, ...rest } = job;
    const next: RecomputeJob = {
      ...rest,
      ...(page.next ? { cursor: page.next, phase: job.phase } : { phase: job.phase + 1 }),
      processed: job.processed + page.items.length,
      changed: job.changed + changed,
      updatedAt: ports.now().toISOString(),
      version: job.version + 1,
    };
    try {
      await ports.recomputations.save(next, job.version);
    } catch (error) {
      if (error instanceof Conflict) return ports.recomputations.get(id);
      throw error;
    }
    job = next;
  }
  return job;
}

/** The scheduled job: every recomputation still running goes on where it stopped. */
export async function continueRecomputations(ports: RecomputePorts, budgetMs = 240_000) {
  const jobs = await ports.recomputations.running();
  const results: Pick<RecomputeJob, 'id' | 'year' | 'status' | 'processed' | 'changed'>[] = [];
  for (const job of jobs) {
    const after = await runRecomputation(ports, job.id, budgetMs / Math.max(jobs.length, 1));
    if (after)
      results.push({
        id: after.id,
        year: after.year,
        status: after.status,
        processed: after.processed,
        changed: after.changed,
      });
  }
  return { jobs: results };
}
