import { monotonicFactory, ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import { GENESIS_HASH, nextEntry } from '#shared/kernel/journal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { Opinion, SupervisionMatter } from '#shared/supervision/domain/matter.ts';
import type { MatterRepository } from '#shared/supervision/store/matter-repository.ts';

const newAgencyId = () => `contract-${ulid().toLowerCase()}`;
/** Ids in opening order even within one millisecond, as the newest-first listing assumes. */
const matterId = monotonicFactory();
const opened = nextEntry(
  { seq: 0, hash: GENESIS_HASH },
  { at: '2026-03-02T02:00:00.000Z', actor: 'supervisor', type: 'matter.opened', data: {} },
);

const opinion = (rectifyBy: string): Opinion => ({
  opinionId: ulid(),
  kind: 'opinion',
  number: '昌司监意〔2026〕1号',
  ruleBroken: '违反《行政处罚法》第五十四条',
  rectifyBy,
  sha256: '0'.repeat(64),
  verificationCode: '7KQ2-M9XD-4HTB-ZP0R',
  issuedAt: '2026-03-02T02:00:00.000Z',
  issuedBy: 'supervisor',
  issuedByName: '何监督',
  status: 'issued',
  rectifications: [],
  acceptances: [],
});

const matter = (agencyId: string, opinions: Opinion[] = [], body = 'changning-sfj'): SupervisionMatter => ({
  matterId: matterId(),
  supervisorAgencyId: body,
  supervisorName: '长宁县司法局',
  agencyId,
  agencyName: '长宁县民政局',
  source: 'hotline',
  subject: { practice: '有案不立' },
  facts: '群众反映举报未予立案',
  openedAt: '2026-03-02T02:00:00.000Z',
  openedBy: 'supervisor',
  openedByName: '何监督',
  status: 'open',
  opinions,
  journalHead: { seq: opened.seq, hash: opened.hash },
  version: 1,
});

/**
 * What every matter store keeps (SUP-2, SUP-3): DynamoDB (test/integration) and the in-memory one
 * of the unit tests (test/unit), so the fake cannot drift from the real thing.
 */
export function matterRepositoryContract(name: string, repository: Port<MatterRepository>): void {
  describe(`matter repository: ${name}`, () => {
    it('[SUP-2] matters are listed newest first in their agency only, a page at a time, with their journal', async () => {
      const [a, b] = [newAgencyId(), newAgencyId()];
      const made = [matter(a), matter(a), matter(b)];
      for (const item of made) await repository.create(item, opened);
      const first = await repository.list(a, 1);
      expect(first.items.map((item) => item.matterId)).toEqual([made[1]?.matterId]);
      const second = await repository.list(a, 1, first.nextCursor);
      expect(second.items.map((item) => item.matterId)).toEqual([made[0]?.matterId]);
      expect((await repository.list(b, 10)).items).toHaveLength(1);
      expect((await repository.journal(made[0]?.matterId ?? '')).map((entry) => entry.hash)).toEqual([
        opened.hash,
      ]);
    });

    it('[SUP-2] one body lists the matters it opened against an agency, not another body’s about the same agency', async () => {
      const agencyId = newAgencyId();
      const ours = [matter(agencyId), matter(agencyId)];
      const theirs = matter(agencyId, [], 'city-sfj');
      for (const item of [...ours, theirs]) await repository.create(item, opened);
      const first = await repository.list(agencyId, 1, undefined, 'changning-sfj');
      expect(first.items.map((item) => item.matterId)).toEqual([ours[1]?.matterId]);
      const second = await repository.list(agencyId, 5, first.nextCursor, 'changning-sfj');
      expect(second.items.map((item) => item.matterId)).toEqual([ours[0]?.matterId]);
      expect((await repository.list(agencyId, 5, undefined, 'city-sfj')).items).toEqual([
        expect.objectContaining({ matterId: theirs.matterId }),
      ]);
      expect((await repository.list(agencyId, 5)).items).toHaveLength(3);
    });

    it('[SUP-3] an opinion waiting for its report is in the open range before a day until reported, over the version read', async () => {
      const agencyId = newAgencyId();
      const late = opinion('2026-03-05');
      const current = matter(agencyId, [late, opinion('2026-04-01')]);
      await repository.create(current, opened);
      expect(await repository.matterOfOpinion(late.opinionId)).toBe(current.matterId);
      const open = await repository.openRectificationsBefore(agencyId, '2026-03-10');
      expect(open.map((item) => item.opinionId)).toEqual([late.opinionId]);
      const step = nextEntry(current.journalHead, {
        at: '2026-03-06T02:00:00.000Z',
        actor: 'leader',
        type: 'rectification.reported',
        data: {},
      });
      const reported: SupervisionMatter = {
        ...current,
        opinions: current.opinions.map((each) =>
          each.opinionId === late.opinionId ? { ...each, status: 'reported' } : each,
        ),
        journalHead: { seq: step.seq, hash: step.hash },
        version: 2,
      };
      await repository.commit(current, reported, step);
      expect(await repository.openRectificationsBefore(agencyId, '2026-03-10')).toEqual([]);
      await expect(repository.commit(current, reported, step)).rejects.toThrow(StaleWrite);
      expect((await repository.journal(current.matterId)).map((entry) => entry.seq)).toEqual([1, 2]);
    });

    it('[SUP-3] one decision has one open referral: a second lock fails its whole write, another referral cannot release it', async () => {
      const agencyId = newAgencyId();
      let current = matter(agencyId);
      await repository.create(current, opened);
      const step = (from: SupervisionMatter): SupervisionMatter => {
        const entry = nextEntry(from.journalHead, {
          at: '2026-03-06T02:00:00.000Z',
          actor: 'x',
          type: 'decision.referred',
          data: {},
        });
        return { ...from, journalHead: { seq: entry.seq, hash: entry.hash }, version: from.version + 1 };
      };
      const entryOf = (next: SupervisionMatter) => ({
        ...opened,
        seq: next.journalHead.seq,
        hash: next.journalHead.hash,
      });
      const lock = { referralId: 'ref-1', matterId: current.matterId, agencyId, caseId: 'case-1' };
      let next = step(current);
      await repository.commit(current, next, entryOf(next), [repository.lockReferral(lock)]);
      current = next;
      expect(await repository.openReferral(agencyId, 'case-1')).toEqual(lock);
      expect(await repository.openReferral(agencyId, 'case-2')).toBeUndefined();
      next = step(current);
      await expect(
        repository.commit(current, next, entryOf(next), [
          repository.lockReferral({ ...lock, referralId: 'ref-2' }),
        ]),
      ).rejects.toThrow(StaleWrite);
      await expect(
        repository.commit(current, next, entryOf(next), [
          repository.releaseReferral({ ...lock, referralId: 'ref-2' }),
        ]),
      ).rejects.toThrow(StaleWrite);
      expect((await repository.get(current.matterId))?.version).toBe(current.version);
      await repository.commit(current, next, entryOf(next), [repository.releaseReferral(lock)]);
      expect(await repository.openReferral(agencyId, 'case-1')).toBeUndefined();
    });
  });
}
