import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { InspectionPlan } from '#shared/inspections/domain/inspection-plan.ts';
import type { InspectionPlanRepository } from '#shared/inspections/store/inspection-plan-repository.ts';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';

const plan = (agencyId: string, year: number, version: number, overrides: Partial<InspectionPlan> = {}) => ({
  agencyId,
  year,
  version,
  status: 'draft' as const,
  items: [
    {
      itemCode: 'SJ-1',
      name: '服务安全',
      category: 'random' as const,
      ratio: '5%',
      frequency: '每年一次',
      enterpriseCategories: ['养老机构'],
      months: [4],
    },
  ],
  draftedBy: 'officer-wang',
  draftedByName: '王',
  draftedAt: '2026-12-01T02:00:00.000Z',
  revision: 1,
  ...overrides,
});

/** What every plan store keeps (INS-2): versions in order, the latest in one read, a filed version never written again. */
export function inspectionPlanRepositoryContract(
  name: string,
  repository: Port<InspectionPlanRepository>,
): void {
  describe(`inspection plan repository: ${name}`, () => {
    it('[INS-2] keeps every version, the latest of the year first, and never writes over a filed one', async () => {
      const agencyId = `a-${ulid()}`;
      expect(await repository.latest(agencyId, 2026)).toBeUndefined();
      const first = plan(agencyId, 2026, 1);
      await repository.put(first, undefined);
      // A second first version, or a save over a revision not read, loses.
      await expect(repository.put(first, undefined)).rejects.toBeInstanceOf(StaleWrite);
      await expect(
        repository.put({ ...first, revision: 3 }, { ...first, revision: 2 }),
      ).rejects.toBeInstanceOf(StaleWrite);
      const filed = { ...first, status: 'filed' as const, filedBy: 'head-liu', revision: 2 };
      await repository.put(filed, first);
      await expect(repository.put({ ...filed, revision: 3 }, filed)).rejects.toBeInstanceOf(StaleWrite);
      // Ten versions later the latest is still one read, and the next year is apart.
      for (let version = 2; version <= 11; version += 1)
        await repository.put(plan(agencyId, 2026, version), undefined);
      await repository.put(plan(agencyId, 2027, 1), undefined);
      expect((await repository.latest(agencyId, 2026))?.version).toBe(11);
      expect((await repository.latest(agencyId, 2027))?.version).toBe(1);
      expect(await repository.version(agencyId, 2026, 1)).toEqual(filed);
      expect(await repository.version(agencyId, 2026, 12)).toBeUndefined();
      expect(await repository.latest(`b-${ulid()}`, 2026)).toBeUndefined();
    });
  });
}
