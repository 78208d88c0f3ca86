import { describe, expect, it } from 'vitest';
import {
  continueRecomputations,
  type RecomputePorts,
  runRecomputation,
  startRecomputation,
} from '#shared/decisions/use-cases/deadline-recompute.ts';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { deadline, loadYear } from '#shared/kernel/use-cases/calendar.ts';
import { REVIEW_WORKING_DAYS } from '#shared/legal-review/use-cases/review-access.ts';
import { submitReview } from '#shared/legal-review/use-cases/submit-review.ts';
import type { RecomputeRepository } from '#shared/recording/store/recompute-repository.ts';
import { caseJournal } from '#shared/recording/use-cases/case-journal.ts';
import {
  AGENCY,
  cast,
  MAJOR_FINE,
  readyForDecision,
  SMALL_FINE,
  tick,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

/**
 * Monday 28 December 2026, 10:00 in Beijing: seven working days reach into 2027, whose calendar
 * the bundled data does not hold, so every deadline set today is held (LAW-8).
 */
const HELD_DAY = '2026-12-28T02:00:00.000Z';
/** The province's justice department loads the State Council's 2027 holidays. */
const calendarAdmin: Principal = {
  sub: 'justice-dept',
  name: '司法厅',
  agencyId: 'province',
  roles: ['calendar-admin'],
};
const load2027 = (world: UnitWorld) =>
  loadYear(world.ports, calendarAdmin, 2027, { holidays: ['2027-01-01'], workdays: [] });
/** Long enough for any run here: the budget is wall-clock time. */
const BUDGET_MS = 60_000;

async function heldPublications(world: UnitWorld, count: number) {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { caseId } = await readyForDecision(world);
    tick(world);
    ids.push((await issueDecision(world.ports, cast.handler, caseId, SMALL_FINE)).publication.id);
  }
  return ids;
}

async function heldReview(world: UnitWorld) {
  const { caseId, documents } = await readyForDecision(world);
  return submitReview(world.ports, cast.handler, caseId, {
    proposal: MAJOR_FINE,
    materials: [documents['prior-notice']?.id ?? ''],
  });
}

/** The recomputation store, with a crash at the n-th save (1-based) after the write was lost. */
function crashingAt(ports: RecomputePorts, n: number): RecomputePorts {
  let saves = 0;
  const store = ports.recomputations;
  const recomputations: Port<RecomputeRepository> = {
    get: (id) => store.get(id),
    running: () => store.running(),
    workPage: (phase, cursor, limit) => store.workPage(phase, cursor, limit),
    save: async (job, previous) => {
      saves += 1;
      if (saves === n) throw new Error('the function timed out before its write');
      return store.save(job, previous);
    },
  };
  return { ...ports, recomputations };
}

describe('recomputing held deadlines, without a database', () => {
  it('[LAW-8] once the year is loaded, held publication and review deadlines are computed, journalled and scheduled, once', async () => {
    const world = await unitBureau(HELD_DAY);
    const [publicationId = ''] = await heldPublications(world, 1);
    const review = await heldReview(world);
    expect(review.dueBy).toBeNull();
    expect((await world.ports.publications.get(AGENCY, publicationId))?.status).toBe('deadline-unconfirmed');

    const calendar = await load2027(world);
    const job = await startRecomputation(world.ports, calendarAdmin, calendar);
    expect(job).toMatchObject({ year: 2027, calendarVersion: calendar.version, status: 'running', phase: 0 });
    expect(await world.ports.recomputations.running()).toEqual([job]);

    const recomputed: string[] = [];
    const done = await runRecomputation(world.ports, job.id, BUDGET_MS, recomputed);
    expect(done).toMatchObject({ status: 'done', changed: 2, finishedAt: world.clock.now().toISOString() });
    expect(recomputed.sort()).toEqual([publicationId, review.id].sort());
    expect(await world.ports.recomputations.running()).toEqual([]);

    const publication = await world.ports.publications.get(AGENCY, publicationId);
    const expected = await deadline(world.ports, publication?.decidedOn ?? '', publication?.workingDays ?? 0);
    expect(publication).toMatchObject({
      status: 'scheduled',
      dueBy: expected.dueBy,
      calendarVersions: expected.calendarVersions,
    });
    expect(expected.calendarVersions[2027]).toBe(calendar.version);
    expect(world.scheduled.at(-1)).toEqual({ id: publicationId, dueBy: expected.dueBy });
    const reviewDue = await deadline(world.ports, '2026-12-28', REVIEW_WORKING_DAYS);
    expect((await world.ports.reviews.get(AGENCY, review.id))?.dueBy).toBe(reviewDue.dueBy);
    const journal = await caseJournal(world.ports, cast.handler, publication?.caseId ?? '');
    expect(journal.at(-1)).toMatchObject({
      type: 'publication.deadline-recomputed',
      data: { year: 2027, from: null, to: expected.dueBy },
    });

    // A second recomputation of the same year finds nothing to change.
    const again = await startRecomputation(world.ports, calendarAdmin, calendar);
    expect(await runRecomputation(world.ports, again.id, BUDGET_MS)).toMatchObject({
      status: 'done',
      changed: 0,
    });
  });

  it('[LAW-8] a recomputation walks page by page past items that leave the list, and resumes after a crash', async () => {
    // More held publications than one page (25) holds.
    const world = await unitBureau(HELD_DAY);
    const ids = await heldPublications(world, 26);
    const job = await startRecomputation(world.ports, calendarAdmin, await load2027(world));

    // The first page is recomputed, then the runner dies before it saves where it got to.
    const firstRun: string[] = [];
    await expect(runRecomputation(crashingAt(world.ports, 1), job.id, BUDGET_MS, firstRun)).rejects.toThrow(
      'timed out',
    );
    expect(firstRun).toHaveLength(25);
    expect(await world.ports.recomputations.get(job.id)).toEqual(job);

    // The scheduled job carries it on from its last save: the lost page is read again.
    const summary = await continueRecomputations(world.ports, BUDGET_MS);
    expect(summary.jobs).toEqual([expect.objectContaining({ id: job.id, year: 2027, status: 'done' })]);
    for (const id of ids) {
      const publication = await world.ports.publications.get(AGENCY, id);
      expect(publication?.status).toBe('scheduled');
      expect(publication?.dueBy).not.toBeNull();
    }
    // Every item was changed once: 25 by the crashed run, the last one after the resumption.
    expect(firstRun.length + (summary.jobs[0]?.changed ?? 0)).toBe(ids.length);
    expect(await continueRecomputations(world.ports, BUDGET_MS)).toEqual({ jobs: [] });
  });

  it('[LAW-8] held deadlines on two pages are all reached though each recomputed item leaves the list', async () => {
    const world = await unitBureau(HELD_DAY);
    const ids = await heldPublications(world, 26);
    const job = await startRecomputation(world.ports, calendarAdmin, await load2027(world));
    const recomputed: string[] = [];
    const done = await runRecomputation(world.ports, job.id, BUDGET_MS, recomputed);
    expect(recomputed.sort()).toEqual([...ids].sort());
    // Each recomputed publication is read again among the scheduled ones, and left as it is.
    expect(done).toMatchObject({ status: 'done', changed: ids.length });
    expect(done?.processed).toBe(2 * ids.length);
  });

  it('[LAW-8] out of budget a job stays where it is; of two runners the one that loses the race stops', async () => {
    const world = await unitBureau(HELD_DAY);
    const [publicationId = ''] = await heldPublications(world, 1);
    const job = await startRecomputation(world.ports, calendarAdmin, await load2027(world));
    expect(await runRecomputation(world.ports, job.id, 0)).toEqual(job);
    expect(await runRecomputation(world.ports, 'no-such-job', BUDGET_MS)).toBeUndefined();

    // Another runner saves first, from the same version.
    const rival = { ...job, processed: 0, phase: 1, version: job.version + 1 };
    let raced = false;
    const store = world.ports.recomputations;
    const racing: RecomputePorts = {
      ...world.ports,
      recomputations: {
        get: (id) => store.get(id),
        running: () => store.running(),
        workPage: (phase, cursor, limit) => store.workPage(phase, cursor, limit),
        save: async (next, previous) => {
          if (!raced) {
            raced = true;
            await store.save(rival, job.version);
          }
          return store.save(next, previous);
        },
      },
    };
    expect(await runRecomputation(racing, job.id, BUDGET_MS)).toEqual(rival);
    await expect(store.save({ ...job, version: 2 }, job.version)).rejects.toBeInstanceOf(Conflict);
    // The rival carries on to the end; the publication's deadline was recomputed once.
    expect(await runRecomputation(world.ports, job.id, BUDGET_MS)).toMatchObject({ status: 'done' });
    expect((await world.ports.publications.get(AGENCY, publicationId))?.status).toBe('scheduled');
  });
});
