import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { Inspection } from '#shared/inspections/domain/inspection.ts';
import { newSupervisionKey } from '#shared/inspections/domain/supervision-code.ts';
import type { InspectionRepository } from '#shared/inspections/store/inspection-repository.ts';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { freshCreditCode } from '#test/helpers/credit-code.ts';

const inspection = (agencyId: string, creditCode: string, at: string): Inspection => ({
  id: ulid(),
  agencyId,
  enterpriseCreditCode: creditCode,
  enterpriseName: '某养老服务有限公司',
  itemCode: 'SJ-1',
  category: 'random',
  officers: ['ZF-0001', 'ZF-0002'],
  officerNames: ['王', '李'],
  officerUsers: ['officer-wang', 'officer-li'],
  plannedOn: '2026-12-10',
  year: 2026,
  status: 'pending-approval',
  createdBy: 'officer-wang',
  createdAt: at,
  version: 1,
});

/** What every inspection store keeps: the inspections, the counters that limit them, and the keys of the codes. */
export function inspectionRepositoryContract(name: string, repository: Port<InspectionRepository>): void {
  describe(`inspection repository: ${name}`, () => {
    it('[INS-3] counts each agency of an inspection once, refuses a counter at its limit, and counts exceptions apart', async () => {
      const [lead, partner] = [`a-${ulid()}`, `b-${ulid()}`];
      const code = freshCreditCode();
      const counts = { category: 'random' as const, limit: 2 };
      await repository.create(inspection(lead, code, '2026-12-01T01:00:00.000Z'), [
        { agencyId: lead, counts },
      ]);
      await repository.create(inspection(lead, code, '2026-12-01T02:00:00.000Z'), [
        { agencyId: lead, counts },
        { agencyId: partner, counts },
      ]);
      expect(await repository.counter(lead, code, 2026)).toEqual({
        counted: { random: 2, targeted: 0 },
        exceptions: 0,
      });
      expect((await repository.counter(partner, code, 2026)).counted.random).toBe(1);
      const refused = inspection(partner, code, '2026-12-01T03:00:00.000Z');
      await expect(
        repository.create(refused, [
          { agencyId: partner, counts },
          { agencyId: lead, counts },
        ]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect(await repository.get(refused.id)).toBeUndefined();
      expect((await repository.counter(partner, code, 2026)).counted.random).toBe(1);
      await repository.create(inspection(lead, code, '2026-12-01T04:00:00.000Z'), [
        { agencyId: lead, counts: 'exceptions' },
      ]);
      expect(await repository.counter(lead, code, 2026)).toEqual({
        counted: { random: 2, targeted: 0 },
        exceptions: 1,
      });
      expect(await repository.counter(lead, code, 2025)).toEqual({
        counted: { random: 0, targeted: 0 },
        exceptions: 0,
      });
    });

    it('[INS-3] [SUP-5] a counter an inspection raised an alert on is in the agency’s alerts of that year, since the first', async () => {
      const agency = `a-${ulid()}`;
      const [quiet, repeated] = [freshCreditCode(), freshCreditCode()];
      const counts = { category: 'random' as const, limit: 2 };
      await repository.create(inspection(agency, quiet, '2026-12-03T01:00:00.000Z'), [
        { agencyId: agency, counts },
      ]);
      const first = inspection(agency, repeated, '2026-12-03T02:00:00.000Z');
      await repository.create(first, [{ agencyId: agency, counts }]);
      const second = inspection(agency, repeated, '2026-12-03T03:00:00.000Z');
      await repository.create(second, [{ agencyId: agency, counts, alert: true }]);
      const third = inspection(agency, repeated, '2026-12-03T04:00:00.000Z');
      await repository.create(third, [{ agencyId: agency, counts: 'exceptions', alert: true }]);
      expect(await repository.alerts(agency, 2026)).toEqual([
        {
          agencyId: agency,
          creditCode: repeated,
          enterpriseName: '某养老服务有限公司',
          year: 2026,
          counted: { random: 2, targeted: 0 },
          exceptions: 1,
          lastInspectionId: third.id,
          since: second.createdAt,
        },
      ]);
      expect(await repository.alerts(agency, 2025)).toEqual([]);
      expect(await repository.alerts(`b-${ulid()}`, 2026)).toEqual([]);
    });

    it('[INS-5] lists an enterprise its own inspections, newest first, page by page, and changes one only from the version read', async () => {
      const agency = `a-${ulid()}`;
      const [mine, theirs] = [freshCreditCode(), freshCreditCode()];
      const first = inspection(agency, mine, '2026-12-02T01:00:00.000Z');
      const second = inspection(agency, mine, '2026-12-02T02:00:00.000Z');
      for (const item of [first, second, inspection(agency, theirs, '2026-12-02T03:00:00.000Z')])
        await repository.create(item, []);
      const page = await repository.listByEnterprise(mine, 1);
      expect(page.items.map((item) => item.id)).toEqual([second.id]);
      const rest = await repository.listByEnterprise(mine, 1, page.nextCursor);
      expect(rest.items.map((item) => item.id)).toEqual([first.id]);
      expect((await repository.listByAgency(agency, 10)).items).toHaveLength(3);
      const approved = { ...first, status: 'approved' as const, version: 2 };
      await repository.update(approved, first);
      await expect(repository.update({ ...approved, version: 3 }, first)).rejects.toBeInstanceOf(StaleWrite);
      expect((await repository.get(first.id))?.status).toBe('approved');
    });

    it('[INS-4] keeps one supervision key per enterprise, renewed only over the version read', async () => {
      const code = freshCreditCode();
      const at = new Date('2026-12-03T00:00:00.000Z');
      expect(await repository.supervisionKey(code)).toBeUndefined();
      const first = newSupervisionKey(code, undefined, at);
      await repository.putSupervisionKey(first, undefined);
      await expect(
        repository.putSupervisionKey(newSupervisionKey(code, undefined, at), undefined),
      ).rejects.toBeInstanceOf(StaleWrite);
      const renewed = newSupervisionKey(code, first, at);
      await repository.putSupervisionKey(renewed, first);
      await expect(
        repository.putSupervisionKey(newSupervisionKey(code, first, at), first),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect(await repository.supervisionKey(code)).toEqual(renewed);
    });
  });
}
