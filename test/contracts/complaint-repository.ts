import { monotonicFactory, ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { type Complaint, newReceipt } from '#shared/supervision/domain/complaint.ts';
import type { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';

const newAgencyId = () => `contract-${ulid().toLowerCase()}`;

/** Ids in filing order even within one millisecond, as the newest-first listing assumes. */
const complaintId = monotonicFactory();

const complaint = (agencyId: string, overrides: Partial<Complaint> = {}): Complaint => ({
  complaintId: complaintId(),
  agencyId,
  about: { kind: 'officer', ref: 'ZF-0001' },
  aboutName: '李明华',
  text: '检查时未出示执法证件',
  receivedAt: '2026-03-02T02:00:00.000Z',
  answerBy: '2026-05-01',
  status: 'received',
  version: 1,
  ...overrides,
});

/**
 * What every complaint store keeps (SUP-1): DynamoDB (test/integration) and the in-memory one
 * of the unit tests (test/unit), so the fake cannot drift from the real thing.
 */
export function complaintRepositoryContract(name: string, repository: Port<ComplaintRepository>): void {
  describe(`complaint repository: ${name}`, () => {
    it('[SUP-1] a complaint is found by its receipt, listed newest first in its agency only, a page at a time', async () => {
      const [a, b] = [newAgencyId(), newAgencyId()];
      const receipts = [newReceipt(), newReceipt(), newReceipt()];
      const filed = [complaint(a), complaint(a), complaint(b)];
      for (const [index, item] of filed.entries()) await repository.create(item, receipts[index] ?? '');
      expect(await repository.byReceipt(receipts[1] ?? '')).toMatchObject({
        complaintId: filed[1]?.complaintId,
      });
      expect(await repository.byReceipt(newReceipt())).toBeUndefined();
      const first = await repository.list(a, 1);
      expect(first.items.map((item) => item.complaintId)).toEqual([filed[1]?.complaintId]);
      const second = await repository.list(a, 1, first.nextCursor);
      expect(second.items.map((item) => item.complaintId)).toEqual([filed[0]?.complaintId]);
      expect((await repository.list(b, 10)).items.map((item) => item.complaintId)).toEqual([
        filed[2]?.complaintId,
      ]);
    });

    it('[SUP-1] the unanswered ones past a day are the open-work range; an answer takes one out, over the version read', async () => {
      const agencyId = newAgencyId();
      const late = complaint(agencyId, { answerBy: '2026-04-01' });
      const later = complaint(agencyId, { answerBy: '2026-04-20' });
      const notYet = complaint(agencyId, { answerBy: '2026-06-01' });
      for (const item of [notYet, later, late]) await repository.create(item, newReceipt());
      const overdue = await repository.unansweredBefore(agencyId, '2026-05-01');
      expect(overdue.map((item) => item.complaintId)).toEqual([late.complaintId, later.complaintId]);

      const answered: Complaint = {
        ...late,
        status: 'answered',
        answer: {
          text: '已核实并整改',
          answeredAt: '2026-04-02T01:00:00.000Z',
          answeredBy: 'u',
          answeredByName: '王',
        },
        version: 2,
      };
      await repository.update(answered, 1);
      await expect(repository.update({ ...answered, version: 3 }, 1)).rejects.toBeInstanceOf(StaleWrite);
      expect(await repository.get(agencyId, late.complaintId)).toMatchObject({
        status: 'answered',
        version: 2,
      });
      expect(
        (await repository.unansweredBefore(agencyId, '2026-05-01')).map((item) => item.complaintId),
      ).toEqual([later.complaintId]);
    });

    it('[SUP-1] an address is counted per day up to the limit, and the refusal counts nothing', async () => {
      const address = `198.51.100.${Math.floor(Math.random() * 250)}-${ulid()}`;
      expect(await repository.countFromAddress(address, '2026-03-02', 2)).toBe(true);
      expect(await repository.countFromAddress(address, '2026-03-02', 2)).toBe(true);
      expect(await repository.countFromAddress(address, '2026-03-02', 2)).toBe(false);
      expect(await repository.countFromAddress(address, '2026-03-02', 3)).toBe(true);
      expect(await repository.countFromAddress(address, '2026-03-03', 2)).toBe(true);
    });
  });
}
