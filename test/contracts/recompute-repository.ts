import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { RecomputeJob, RecomputeRepository } from '#shared/recording/store/recompute-repository.ts';

const job = (overrides: Partial<RecomputeJob> = {}): RecomputeJob => ({
  id: ulid(),
  year: 2027,
  calendarVersion: 1,
  status: 'running',
  phase: 0,
  processed: 0,
  changed: 0,
  startedAt: '2026-11-20T02:00:00.000Z',
  startedBy: 'calendar-admin',
  updatedAt: '2026-11-20T02:00:00.000Z',
  version: 1,
  ...overrides,
});

/**
 * What every recomputation store keeps (LAW-8): a job is created once, then saved only from the
 * version read, so of two runners on one job the one that lost the race gets a 409; only a
 * running job is listed as running.
 */
export function recomputeRepositoryContract(name: string, repository: Port<RecomputeRepository>): void {
  describe(`recomputation repository: ${name}`, () => {
    it('[LAW-8] a job is created once, then saved only over the version read', async () => {
      const started = job();
      await repository.save(started);
      await expect(repository.save(started)).rejects.toBeInstanceOf(Conflict);
      const first = { ...started, phase: 1, processed: 3, version: 2 };
      await repository.save(first, started.version);
      // A second runner that read version 1 as well has lost the race.
      await expect(
        repository.save({ ...started, processed: 5, version: 2 }, started.version),
      ).rejects.toBeInstanceOf(Conflict);
      expect(await repository.get(started.id)).toEqual(first);
      // Nothing is saved over a job that is not there.
      await expect(repository.save(job({ version: 2 }), 1)).rejects.toBeInstanceOf(Conflict);
    });

    it('[LAW-8] a running job is listed as running until it is saved as done', async () => {
      const started = job();
      await repository.save(started);
      const ids = async () => (await repository.running()).map((item) => item.id);
      expect(await ids()).toContain(started.id);
      const done: RecomputeJob = {
        ...started,
        status: 'done',
        finishedAt: '2026-11-20T02:05:00.000Z',
        version: 2,
      };
      await repository.save(done, started.version);
      expect(await ids()).not.toContain(started.id);
      expect(await repository.get(started.id)).toEqual(done);
    });
  });
}
