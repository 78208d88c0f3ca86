import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { ATTESTATION, type Review, type Round } from '#shared/legal-review/domain/review.ts';
import type { Reviewer } from '#shared/legal-review/domain/reviewer.ts';
import type { ReviewRepository } from '#shared/legal-review/store/review-repository.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { openCase } from '#test/contracts/case-commits.ts';

const AT = '2026-03-02T02:00:00.000Z';

const round = (number: number, dueBy: string | null): Round => ({
  round: number,
  submittedAt: AT,
  submittedBy: 'officer',
  attestation: ATTESTATION,
  materials: ['调查终结报告'],
  dueBy,
  calendarVersions: { 2026: 1 },
});

const review = (agencyId: string, caseId: string, overrides: Partial<Review> = {}): Review => ({
  id: ulid(),
  caseId,
  agencyId,
  unitId: 'shswg',
  status: 'pending',
  round: 1,
  rounds: [round(1, overrides.dueBy === undefined ? '2026-03-11' : overrides.dueBy)],
  matchedRules: [],
  dueBy: '2026-03-11',
  createdAt: AT,
  updatedAt: AT,
  version: 1,
  ...overrides,
});

const reviewer = (agencyId: string, userId: string, overrides: Partial<Reviewer> = {}): Reviewer => ({
  userId,
  agencyId,
  name: '李审核',
  legalQualificationNo: 'A20185300001',
  updatedAt: AT,
  updatedBy: 'admin',
  ...overrides,
});

type Stores = () => { cases: Port<CaseRepository>; reviews: Port<ReviewRepository>; agencyId: string };

/**
 * What every review store keeps: a review is written with its case's commit, created once and
 * then changed only from the version read, with every round inside it; it is listed newest first
 * (by unit and status too), open ones earliest due first, and those past their due day for the
 * overdue job; reviewers are kept per agency. The DynamoDB store and the in-memory one alike.
 */
export function reviewRepositoryContract(name: string, stores: Stores): void {
  describe(`review repository: ${name}`, () => {
    it('[REV-4] a review is created once, then changed only over the version read, every round kept', async () => {
      const { cases, reviews, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const first = review(agencyId, file.id);
      await file.commit([reviews.put(first)]);
      await expect(file.commit([reviews.put({ ...first, caseTitle: '重复' })])).rejects.toBeInstanceOf(
        StaleWrite,
      );
      // Problems found in round 1, resubmitted: round 2 is added, round 1 stays.
      const resubmitted: Review = {
        ...first,
        round: 2,
        rounds: [{ ...round(1, '2026-03-11'), note: '补充证据' }, round(2, '2026-03-20')],
        dueBy: '2026-03-20',
        version: 2,
      };
      await file.commit([reviews.put(resubmitted, first)]);
      // A reviewer who read version 1 as well has lost the race, and the case change with it.
      await expect(
        file.commit([reviews.put({ ...first, status: 'approved', version: 2 }, first)]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect(await reviews.get(agencyId, first.id)).toEqual(resubmitted);
      expect(await file.version()).toBe(3);
      expect(await reviews.get(`${agencyId}-other`, first.id)).toBeUndefined();
    });

    it('a page lists the agency’s reviews newest first; a unit or a status narrows it', async () => {
      const { cases, reviews, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const [older, middle, newer] = [
        review(agencyId, file.id, { createdAt: '2026-03-02T02:00:00.000Z' }),
        review(agencyId, file.id, { createdAt: '2026-03-03T02:00:00.000Z', status: 'approved' }),
        review(agencyId, file.id, { createdAt: '2026-03-04T02:00:00.000Z' }),
      ] as [Review, Review, Review];
      // Of a case registered without a unit.
      delete middle.unitId;
      await file.commit([older, middle, newer].map((item) => reviews.put(item)));
      const other = await openCase(cases, `${agencyId}-other`);
      await other.commit([reviews.put(review(other.agencyId, other.id))]);
      const ids = (page: { items: Review[] }) => page.items.map((item) => item.id);

      const first = await reviews.page(agencyId, { limit: 2 });
      expect(ids(first)).toEqual([newer.id, middle.id]);
      expect(ids(await reviews.page(agencyId, { limit: 2, cursor: first.nextCursor }))).toEqual([older.id]);
      expect((await reviews.list(agencyId)).map((item) => item.id)).toEqual([newer.id, middle.id, older.id]);
      const unit = await reviews.page(agencyId, { limit: 10, unit: { unitId: 'shswg' } });
      expect(ids(unit)).toEqual([newer.id, older.id]);
      expect(ids(await reviews.page(agencyId, { limit: 10, unit: { unitId: undefined } }))).toEqual([
        middle.id,
      ]);
      expect(ids(await reviews.page(agencyId, { limit: 10, status: 'approved' }))).toEqual([middle.id]);
    });

    it('the open reviews are the pending ones, held ones first, then earliest due; a decided one leaves', async () => {
      const { cases, reviews, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const late = review(agencyId, file.id, { dueBy: '2026-03-20' });
      const soon = review(agencyId, file.id, { dueBy: '2026-03-11' });
      // Due in a year whose holiday calendar is not loaded yet (LAW-8): no due date to sort by.
      const held = review(agencyId, file.id, { dueBy: null });
      const decided = review(agencyId, file.id, { dueBy: '2026-03-05', status: 'approved' });
      await file.commit([late, soon, held, decided].map((item) => reviews.put(item)));
      const open = async () => (await reviews.open(agencyId)).map((item) => item.id);
      expect(await open()).toEqual([held.id, soon.id, late.id]);
      await file.commit([reviews.put({ ...soon, status: 'approved', version: 2 }, soon)]);
      expect(await open()).toEqual([held.id, late.id]);
      expect(await reviews.open(`${agencyId}-other`)).toEqual([]);
    });

    it('[REV-5] the overdue job finds the open reviews of every agency due before a day, and no others', async () => {
      const { cases, reviews, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const overdue = review(agencyId, file.id, { dueBy: '2026-03-10' });
      const dueToday = review(agencyId, file.id, { dueBy: '2026-03-11' });
      const decided = review(agencyId, file.id, { dueBy: '2026-03-01', status: 'problems' });
      const held = review(agencyId, file.id, { dueBy: null });
      await file.commit([overdue, dueToday, decided, held].map((item) => reviews.put(item)));
      const elsewhere = await openCase(cases, `${agencyId}-other`);
      const theirs = review(elsewhere.agencyId, elsewhere.id, { dueBy: '2026-03-09' });
      await elsewhere.commit([reviews.put(theirs)]);
      const found = (await reviews.dueBefore('2026-03-11'))
        .filter((item) => item.agencyId.startsWith(agencyId))
        .map((item) => `${item.agencyId}/${item.id}`)
        .sort();
      expect(found).toEqual([`${agencyId}/${overdue.id}`, `${elsewhere.agencyId}/${theirs.id}`].sort());
    });

    it('[REV-6] a reviewer’s qualification and training are kept per agency, and listed by user', async () => {
      const { reviews, agencyId } = stores();
      await reviews.putReviewer(reviewer(agencyId, 'reviewer-b'));
      await reviews.putReviewer(reviewer(agencyId, 'reviewer-a'));
      const trained = reviewer(agencyId, 'reviewer-a', {
        trainings: [{ title: '行政处罚法专题培训', date: '2026-02-10', hours: 8 }],
      });
      await reviews.putReviewer(trained);
      await reviews.putReviewer(reviewer(`${agencyId}-other`, 'reviewer-c'));
      expect(await reviews.getReviewer(agencyId, 'reviewer-a')).toEqual(trained);
      expect(await reviews.getReviewer(agencyId, 'reviewer-c')).toBeUndefined();
      expect((await reviews.reviewers(agencyId)).map((item) => item.userId)).toEqual([
        'reviewer-a',
        'reviewer-b',
      ]);
    });
  });
}
