import { monotonicFactory } from 'ulid';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Delivery } from '#shared/recording/domain/push.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import type { PushRepository } from '#shared/recording/store/push-repository.ts';
import { openCase } from '#test/contracts/case-commits.ts';

const nextId = monotonicFactory();
/** Instants no other test schedules at, so that the pending list of a shared table holds only these. */
const instant = (second: number) => `2001-01-01T00:00:0${second}.000Z`;

const delivery = (agencyId: string, overrides: Partial<Delivery> = {}): Delivery => ({
  id: nextId(),
  agencyId,
  event: 'publication.published',
  publicationId: 'publication-1',
  payload: { documentNo: '昌民罚决〔2026〕1号' },
  status: 'pending',
  attempts: 0,
  nextAttemptAt: instant(1),
  createdAt: instant(1),
  ...overrides,
});

const failed = (item: Delivery, attempts: number): Delivery => ({
  ...item,
  attempts,
  lastError: 'HTTP 503',
  status: attempts >= 5 ? 'dead' : 'pending',
  nextAttemptAt: instant(9),
});

type Stores = () => { cases: Port<CaseRepository>; push: Port<PushRepository>; agencyId: string };

/**
 * What every push store keeps (ORG-2): an agency's target as it was set; a delivery written once
 * with the case commit that publishes or withdraws, then saved only over the attempt read, so two
 * runs of the push job never both record one; the pending ones due by a time, earliest first, and
 * an agency's dead letters oldest first.
 */
export function pushRepositoryContract(name: string, stores: Stores): void {
  describe(`push repository: ${name}`, () => {
    it('[ORG-2] an agency’s push target is kept as it was set, its timeout included', async () => {
      const { push, agencyId } = stores();
      expect(await push.target(agencyId)).toBeUndefined();
      const target = { url: 'https://platform.example.gov.cn/publicity', secret: 's'.repeat(32) };
      await push.putTarget(agencyId, { ...target, timeoutSeconds: 2 });
      expect(await push.target(agencyId)).toEqual({ ...target, timeoutSeconds: 2 });
      await push.putTarget(agencyId, target);
      expect(await push.target(agencyId)).toEqual(target);
      expect(await push.target(`${agencyId}-other`)).toBeUndefined();
    });

    it('[ORG-2] a delivery is written once, with the case commit that publishes', async () => {
      const { cases, push, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const item = delivery(agencyId);
      await file.commit([push.create(item)]);
      await expect(file.commit([push.create({ ...item, payload: {} })])).rejects.toBeInstanceOf(StaleWrite);
      expect(await push.get(item.id)).toEqual(item);
      expect(await file.version()).toBe(2);
      expect(await push.get(nextId())).toBeUndefined();
    });

    it('[ORG-2] an attempt is saved only over the attempts and status read: of two runs, one records it', async () => {
      const { cases, push, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const item = delivery(agencyId);
      await file.commit([push.create(item)]);
      expect(await push.save(failed(item, 1), 0, 'pending')).toBe(true);
      const delivered: Delivery = { ...item, attempts: 1, status: 'delivered', deliveredAt: instant(2) };
      expect(await push.save(delivered, 0, 'pending')).toBe(false);
      expect(await push.get(item.id)).toEqual(failed(item, 1));
      expect(await push.save({ ...delivered, attempts: 2 }, 1, 'pending')).toBe(true);
      expect(await push.get(item.id)).toEqual({ ...delivered, attempts: 2 });
      expect(await push.save(delivery(agencyId), 0, 'pending')).toBe(false);
    });

    it('[ORG-2] the deliveries due by a time are the pending ones, of every agency, earliest first', async () => {
      const { cases, push, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const elsewhere = await openCase(cases, `${agencyId}-other`);
      const later = delivery(agencyId, { nextAttemptAt: instant(3) });
      const earliest = delivery(elsewhere.agencyId, { nextAttemptAt: instant(1) });
      const onTime = delivery(agencyId, { nextAttemptAt: instant(4) });
      const notYet = delivery(agencyId, { nextAttemptAt: instant(5) });
      const done = delivery(agencyId, { nextAttemptAt: instant(2), status: 'delivered' });
      await file.commit([later, onTime, notYet, done].map((item) => push.create(item)));
      await elsewhere.commit([push.create(earliest)]);
      const ours = new Set([later, earliest, onTime, notYet, done].map((item) => item.id));
      const due = (await push.due(instant(4))).filter((id) => ours.has(id));
      expect(due).toEqual([earliest.id, later.id, onTime.id]);
    });

    it('[ORG-2] an agency’s dead letters are listed oldest first until one is replayed', async () => {
      const { cases, push, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const elsewhere = await openCase(cases, `${agencyId}-other`);
      const newer = delivery(agencyId, { createdAt: instant(3) });
      const older = delivery(agencyId, { createdAt: instant(2) });
      const theirs = delivery(elsewhere.agencyId);
      await file.commit([push.create(newer), push.create(older)]);
      await elsewhere.commit([push.create(theirs)]);
      for (const item of [newer, older, theirs])
        expect(await push.save(failed(item, 5), 0, 'pending')).toBe(true);
      const ids = async () => (await push.dead(agencyId)).map((item) => item.id);
      expect(await ids()).toEqual([older.id, newer.id]);
      expect(await push.due(instant(9))).not.toContain(older.id);
      const replayed: Delivery = { ...failed(older, 5), status: 'pending', attempts: 0 };
      expect(await push.save(replayed, 5, 'dead')).toBe(true);
      expect(await ids()).toEqual([newer.id]);
      expect(await push.due(instant(9))).toContain(older.id);
    });
  });
}
