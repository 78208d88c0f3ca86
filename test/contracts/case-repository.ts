import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';
import type { ReviewRepository } from '#shared/legal-review/store/review-repository.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import type { DocumentVerification } from '#shared/recording/domain/documents.ts';
import { newVerificationCode } from '#shared/recording/domain/verification-code.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { AT, changed, newCase } from '#test/contracts/case-fixture.ts';

const review = (record: CaseRecord, version: number): Review => ({
  id: `review-${record.id}`,
  caseId: record.id,
  agencyId: record.agencyId,
  status: 'pending',
  round: 1,
  rounds: [],
  matchedRules: [],
  dueBy: '2026-03-11',
  createdAt: AT,
  updatedAt: AT,
  version,
});

/**
 * What every case store keeps (REC-3): a change lands with its journal entry and every child
 * write in one transaction, only over the version read; a condition that fails anywhere leaves
 * nothing written. The DynamoDB store and the in-memory one of the unit tests keep it alike.
 */
export function caseRepositoryContract(
  name: string,
  stores: () => { cases: Port<CaseRepository>; reviews: Port<ReviewRepository>; agencyId: string },
): void {
  describe(`case repository: ${name}`, () => {
    it('[REC-3] a case is created once, with its first journal entry', async () => {
      const { cases, agencyId } = stores();
      const { record, entry } = newCase(agencyId);
      await cases.create(record, entry);
      // A taken id is a fault, not a lost race to retry.
      const again = await cases.create(record, entry).catch((error: unknown) => error);
      expect(again).toBeInstanceOf(Error);
      expect(again).not.toBeInstanceOf(StaleWrite);
      expect(await cases.get(agencyId, record.id)).toMatchObject({ id: record.id, version: 1 });
      expect((await cases.journal(agencyId, record.id)).map((item) => item.hash)).toEqual([entry.hash]);
    });

    it('[REC-3] a commit over a version another commit replaced is refused, and writes none of its children', async () => {
      const { cases, reviews, agencyId } = stores();
      const { record, entry } = newCase(agencyId);
      await cases.create(record, entry);
      const first = changed(record, { status: 'investigating' });
      await cases.commit(record, first.next, first.entry, [reviews.put(review(record, 1))]);
      const late = changed(record, { title: '迟到的修改' });
      const lateReview = { ...review(record, 2), status: 'approved' as const };
      await expect(
        cases.commit(record, late.next, late.entry, [reviews.put(lateReview, review(record, 1))]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect(await cases.get(agencyId, record.id)).toMatchObject({
        status: 'investigating',
        title: '某某案',
      });
      expect((await reviews.get(agencyId, `review-${record.id}`))?.status).toBe('pending');
      expect(await cases.journal(agencyId, record.id)).toHaveLength(2);
    });

    it('[REC-3] a child write whose condition fails cancels the case change with it', async () => {
      const { cases, reviews, agencyId } = stores();
      const { record, entry } = newCase(agencyId);
      await cases.create(record, entry, [reviews.put(review(record, 1))]);
      const step = changed(record, { status: 'investigating' });
      // The review moved on meanwhile: an approval from the version read no longer applies.
      await expect(
        cases.commit(record, step.next, step.entry, [reviews.put(review(record, 3), review(record, 2))]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect((await cases.get(agencyId, record.id))?.status).toBe('registered');
      expect(await cases.journal(agencyId, record.id)).toHaveLength(1);
    });

    it('[REC-3] document serial numbers are taken once each, with no gaps', async () => {
      const { cases, agencyId } = stores();
      const { record, entry } = newCase(agencyId);
      await cases.create(record, entry);
      const serial = await cases.nextSerial(agencyId, 'penalty-decision', '2026');
      expect(serial).toBe(1);
      const first = changed(record, {});
      await cases.commit(record, first.next, first.entry, [
        cases.takeSerial(agencyId, 'penalty-decision', '2026', serial),
      ]);
      const again = changed(first.next, {});
      await expect(
        cases.commit(first.next, again.next, again.entry, [
          cases.takeSerial(agencyId, 'penalty-decision', '2026', serial),
        ]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect(await cases.nextSerial(agencyId, 'penalty-decision', '2026')).toBe(2);
    });

    it('[PUB-16] a document is found by its verification code alone, and a code is never taken twice', async () => {
      const { cases, agencyId } = stores();
      const { record, entry } = newCase(agencyId);
      await cases.create(record, entry);
      const code = newVerificationCode();
      const verification: DocumentVerification = {
        verificationCode: code,
        agencyId,
        caseId: record.id,
        recordId: ulid(),
        type: 'penalty-prior-notice',
        title: '行政处罚事先告知书',
        number: '昌民罚告〔2026〕1号',
        issuedOn: '2026-03-02',
        sha256: 'a'.repeat(64),
      };
      const first = changed(record, {});
      await cases.commit(record, first.next, first.entry, [cases.putVerification(verification)]);
      expect(await cases.verification(code)).toEqual(verification);
      const again = changed(first.next, {});
      await expect(
        cases.commit(first.next, again.next, again.entry, [
          cases.putVerification({ ...verification, caseId: 'another-case' }),
        ]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect((await cases.verification(code))?.caseId).toBe(record.id);
      expect(await cases.verification(newVerificationCode())).toBeUndefined();
    });

    it('[ORG-4] a unit’s page lists only its cases, newest first, and a status narrows it', async () => {
      const { cases, agencyId } = stores();
      const made: CaseRecord[] = [];
      for (const [index, unitId] of ['shswg', 'shzzg', 'shswg'].entries()) {
        const { record, entry } = newCase(agencyId, {
          unitId,
          createdAt: `2026-03-0${index + 2}T02:00:00.000Z`,
        });
        await cases.create(record, entry);
        made.push(record);
      }
      const unitPage = await cases.list(agencyId, { limit: 10, unit: { unitId: 'shswg' } });
      expect(unitPage.items.map((item) => item.id)).toEqual([made[2]?.id, made[0]?.id]);
      const closed = await cases.list(agencyId, { limit: 10, status: 'closed' });
      expect(closed.items).toEqual([]);
      const whole = await cases.list(agencyId, { limit: 2 });
      expect(whole.items).toHaveLength(2);
      expect(whole.nextCursor).toBeDefined();
    });

    it('[SUP-4] the closed case files of a period, oldest first; reopened by a revocation, a file leaves them', async () => {
      const { cases, agencyId } = stores();
      const files: CaseRecord[] = [];
      for (const closedOn of ['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01']) {
        const { record, entry } = newCase(agencyId, { status: 'closed', closedOn });
        await cases.create(record, entry);
        files.push(record);
      }
      const open = newCase(agencyId);
      await cases.create(open.record, open.entry);
      const march = await cases.closedBetween(agencyId, '2026-03-01', '2026-03-31');
      expect(march.map((item) => item.id)).toEqual([files[1]?.id, files[2]?.id]);
      const archived = changed(files[1] as CaseRecord, { status: 'archived' });
      await cases.commit(files[1] as CaseRecord, archived.next, archived.entry);
      const revoked = changed(files[2] as CaseRecord, { status: 'revoked' });
      await cases.commit(files[2] as CaseRecord, revoked.next, revoked.entry);
      const after = await cases.closedBetween(agencyId, '2026-03-01', '2026-03-31');
      expect(after.map((item) => [item.id, item.status])).toEqual([[files[1]?.id, 'archived']]);
      expect(await cases.closedBetween(`${agencyId}-other`, '2026-01-01', '2026-12-31')).toEqual([]);
    });
  });
}
