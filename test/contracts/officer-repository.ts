import { describe, expect, it } from 'vitest';
import { Conflict } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Officer } from '#shared/organisation/domain/officer.ts';
import type { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';

/** A fresh agency id, so runs on a shared table never see each other's data. */
const newAgencyId = () => `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const officer = (agencyId: string, certificateNo: string, overrides: Partial<Officer> = {}): Officer => ({
  name: '李明华',
  unitId: 'shswg',
  position: '股长',
  certificateNo,
  categories: ['penalty'],
  region: '昌宁县',
  validFrom: '2024-01-01',
  validTo: '2027-12-31',
  agencyId,
  status: 'valid',
  statusHistory: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'admin',
  version: 1,
  ...overrides,
});

/**
 * What every officer store keeps: DynamoDB (test/integration) and the in-memory one that unit
 * tests use (test/unit), so the fake cannot drift from the real thing.
 */
export function officerRepositoryContract(name: string, repository: Port<OfficerRepository>): void {
  describe(`officer repository: ${name}`, () => {
    it('[PUB-5] certificate numbers are unique per agency, and two agencies may use the same number', async () => {
      const [a, b] = [newAgencyId(), newAgencyId()];
      const certificateNo = `R-${a}`;
      await repository.create(officer(a, certificateNo));
      await expect(repository.create(officer(a, certificateNo, { name: '别人' }))).rejects.toBeInstanceOf(
        Conflict,
      );
      await repository.create(officer(b, certificateNo));
      const found = await repository.findByCertificate(certificateNo);
      expect(found.map((match) => match.agencyId).sort()).toEqual([a, b].sort());
      expect((await repository.get(a, certificateNo))?.name).toBe('李明华');
    });

    it('[PUB-5] a status change is recorded with its history; a stale version is refused with 409', async () => {
      const agencyId = newAgencyId();
      const stored = officer(agencyId, 'R-STATUS');
      await repository.create(stored);
      const change = {
        status: 'suspended' as const,
        reason: '暂扣',
        at: '2026-02-01T00:00:00.000Z',
        by: 'admin',
      };
      const updated = await repository.changeStatus(stored, change);
      expect(updated).toMatchObject({ status: 'suspended', version: 2, statusHistory: [change] });
      await expect(repository.changeStatus(stored, { ...change, status: 'revoked' })).rejects.toBeInstanceOf(
        Conflict,
      );
      expect((await repository.get(agencyId, 'R-STATUS'))?.status).toBe('suspended');
    });

    it('two concurrent status changes from the same version: exactly one wins', async () => {
      const stored = officer(newAgencyId(), 'R-RACE');
      await repository.create(stored);
      const results = await Promise.allSettled(
        ['suspended', 'revoked'].map((status) =>
          repository.changeStatus(stored, {
            status: status as 'suspended',
            reason: status,
            at: '2026-02-01T00:00:00.000Z',
            by: 'x',
          }),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
    });

    it('lists certificates of every agency by end date, following renewals', async () => {
      const agencyId = newAgencyId();
      const stored = officer(agencyId, 'R-EXPIRY', { validTo: '2031-03-15' });
      await repository.create(stored);
      const inWindow = await repository.listByValidTo('2031-03-01', '2031-03-31');
      expect(inWindow.some((match) => match.agencyId === agencyId)).toBe(true);
      await repository.changeStatus(stored, {
        status: 'valid',
        reason: '审验通过',
        at: '2026-01-01T00:00:00.000Z',
        by: 'x',
        validTo: '2035-03-15',
      });
      const afterRenewal = await repository.listByValidTo('2031-03-01', '2031-03-31');
      expect(afterRenewal.some((match) => match.agencyId === agencyId)).toBe(false);
    });

    it('pages through an agency list with a cursor', async () => {
      const agencyId = newAgencyId();
      for (const n of [1, 2, 3]) await repository.create(officer(agencyId, `R-PAGE-${n}`));
      const first = await repository.list(agencyId, 2);
      expect(first.items).toHaveLength(2);
      const second = await repository.list(agencyId, 2, first.nextCursor);
      expect(second.items.map((item) => item.certificateNo)).toEqual(['R-PAGE-3']);
    });
  });
}
