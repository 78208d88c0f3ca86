import { monotonicFactory, ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { Conflict, StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Training } from '#shared/organisation/domain/training.ts';
import type { TrainingRepository } from '#shared/organisation/store/training-repository.ts';

const newAgencyId = () => `contract-${ulid().toLowerCase()}`;

/** Ids in the order they are made, even within one millisecond. */
const trainingId = monotonicFactory();

const training = (
  agencyId: string,
  certificateNo: string,
  date: string,
  overrides: Partial<Training> = {},
): Training => ({
  id: trainingId(),
  agencyId,
  certificateNo,
  title: '行政处罚法专题培训',
  date,
  hours: 4,
  recordedAt: '2026-03-02T02:00:00.000Z',
  recordedBy: 'admin',
  ...overrides,
});

/**
 * What every training store keeps (ORG-3): a training is recorded once; an officer's trainings
 * and an agency's trainings of a period (both ends included) come in date order, of that
 * officer and that agency only.
 */
export function trainingRepositoryContract(name: string, repository: Port<TrainingRepository>): void {
  describe(`training repository: ${name}`, () => {
    it('[ORG-3] a training is recorded once, and an officer’s come back in date order, only theirs', async () => {
      const [a, b] = [newAgencyId(), newAgencyId()];
      const later = training(a, 'ZF-0001', '2026-05-10', { keyStaff: true, provider: '县司法局' });
      const earlier = training(a, 'ZF-0001', '2026-03-15');
      const sameDay = training(a, 'ZF-0001', '2026-05-10');
      for (const item of [later, earlier, sameDay]) await repository.add(item);
      await repository.add(training(a, 'ZF-0002', '2026-04-01'));
      // Another agency's officer may hold the same certificate number.
      await repository.add(training(b, 'ZF-0001', '2026-04-01'));

      // A taken id is a fault, not a lost race to retry.
      const again = await repository.add({ ...later, hours: 40 }).catch((error: unknown) => error);
      expect(again).toBeInstanceOf(Conflict);
      expect(again).not.toBeInstanceOf(StaleWrite);

      expect(await repository.forOfficer(a, 'ZF-0001')).toEqual([earlier, later, sameDay]);
      expect(await repository.forOfficer(a, 'ZF-0003')).toEqual([]);
    });

    it('[ORG-3] a period’s trainings are the agency’s dated within it, both ends included, in date order', async () => {
      const [a, b] = [newAgencyId(), newAgencyId()];
      const dates = ['2025-12-31', '2026-01-01', '2026-06-30', '2026-12-31', '2027-01-01'];
      const recorded = dates.map((date, index) => training(a, `ZF-000${index}`, date));
      for (const item of [...recorded].reverse()) await repository.add(item);
      await repository.add(training(b, 'ZF-0001', '2026-06-30'));
      const year = await repository.between(a, '2026-01-01', '2026-12-31');
      expect(year).toEqual(recorded.slice(1, 4));
      const oneDay = await repository.between(a, '2026-06-30', '2026-06-30');
      expect(oneDay.map((item) => item.id)).toEqual([recorded[2]?.id]);
      expect(await repository.between(a, '2026-07-01', '2026-12-30')).toEqual([]);
    });
  });
}
