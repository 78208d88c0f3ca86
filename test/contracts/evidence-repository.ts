import { monotonicFactory } from 'ulid';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { type Evidence, evidenceKey, type Retrieval } from '#shared/recording/domain/evidence.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import type { EvidenceRepository } from '#shared/recording/store/evidence-repository.ts';
import { openCase } from '#test/contracts/case-commits.ts';

const AT = '2026-03-02T02:00:00.000Z';
/** Ids in the order they are made, as ULIDs made one after another by a request are. */
const nextId = monotonicFactory();

const declared = (agencyId: string, caseId: string, overrides: Partial<Evidence> = {}): Evidence => {
  const id = nextId();
  return {
    id,
    caseId,
    agencyId,
    activityId: 'activity-1',
    fileName: '执法记录仪.mp4',
    contentType: 'video/mp4',
    size: 1024,
    sha256: 'a'.repeat(64),
    capturedAt: AT,
    deviceId: 'DSJ-0001',
    officer: 'ZF-0001',
    status: 'pending-upload',
    key: evidenceKey(agencyId, id),
    retainUntil: '2036-03-02T02:00:00.000Z',
    legalHold: false,
    createdAt: AT,
    createdBy: 'officer',
    ...overrides,
  };
};

const archived = (evidence: Evidence): Evidence => ({
  ...evidence,
  status: 'archived',
  versionId: 'version-1',
  receivedSize: evidence.size,
  receivedSha256: evidence.sha256,
  checksumVerifiedBy: 'platform',
  archivedAt: '2026-03-02T02:05:00.000Z',
});

const retrieval = (evidence: Evidence, id: string): Retrieval => ({
  id,
  evidenceId: evidence.id,
  agencyId: evidence.agencyId,
  caseId: evidence.caseId,
  purpose: 'hearing',
  reason: '听证会上当事人对现场情况有异议',
  by: 'legal-officer',
  byName: '王法制',
  at: AT,
  expiresAt: '2026-03-02T02:10:00.000Z',
});

type Stores = () => { cases: Port<CaseRepository>; evidence: Port<EvidenceRepository>; agencyId: string };

/**
 * What every evidence store keeps (REC-6, REC-7): evidence is declared once with its case's
 * commit, then changed only from the status it was read in, so an arrival is recorded once; the
 * uploads still awaited are listed oldest first across agencies, a page or a window at a time;
 * every retrieval is logged once. A refused write cancels the case's commit with it.
 */
export function evidenceRepositoryContract(name: string, stores: Stores): void {
  describe(`evidence repository: ${name}`, () => {
    it('[REC-6] evidence is declared once, with its case’s commit, its record elements kept as declared', async () => {
      const { cases, evidence, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const item = declared(agencyId, file.id);
      await file.commit([evidence.put(item)]);
      await expect(file.commit([evidence.put({ ...item, fileName: '另一个.mp4' })])).rejects.toBeInstanceOf(
        StaleWrite,
      );
      expect(await evidence.get(agencyId, item.id)).toEqual(item);
      expect(await file.version()).toBe(2);
      expect(await evidence.get(`${agencyId}-other`, item.id)).toBeUndefined();
    });

    it('[REC-6] evidence changes only from the status it was read in: an arrival is recorded once', async () => {
      const { cases, evidence, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const item = declared(agencyId, file.id);
      await file.commit([evidence.put(item)]);
      await file.commit([evidence.put(archived(item), 'pending-upload')]);
      // The same arrival delivered again, or a second upload: the evidence is no longer pending.
      const rejected: Evidence = { ...item, status: 'rejected', rejectionReason: 'SHA-256 校验值不符' };
      await expect(file.commit([evidence.put(rejected, 'pending-upload')])).rejects.toBeInstanceOf(
        StaleWrite,
      );
      // Nothing arrives for evidence never declared.
      await expect(
        file.commit([evidence.put(archived(declared(agencyId, file.id)), 'pending-upload')]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect(await evidence.get(agencyId, item.id)).toEqual(archived(item));
      expect(await file.version()).toBe(3);
    });

    it('a case’s evidence is listed in the order it was declared, each as it is now, and no other case’s', async () => {
      const { cases, evidence, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const [first, second, third] = [1, 2, 3].map(() => declared(agencyId, file.id)) as [
        Evidence,
        Evidence,
        Evidence,
      ];
      await file.commit([third, first, second].map((item) => evidence.put(item)));
      await file.commit([evidence.put(archived(second), 'pending-upload')]);
      const other = await openCase(cases, agencyId);
      await other.commit([evidence.put(declared(agencyId, other.id))]);
      const listed = await evidence.forCase(agencyId, file.id);
      expect(listed.map((item) => [item.id, item.status])).toEqual([
        [first.id, 'pending-upload'],
        [second.id, 'archived'],
        [third.id, 'pending-upload'],
      ]);
      expect(await evidence.forCase(`${agencyId}-other`, file.id)).toEqual([]);
    });

    it('[REC-6] the uploads still awaited are listed oldest first across agencies, a page or a window at a time', async () => {
      const { cases, evidence, agencyId } = stores();
      // Instants no other test declares at, so that the pending list of a shared table holds only these.
      const second = (n: number) => `2001-01-01T00:00:0${n}.000Z`;
      const file = await openCase(cases, agencyId);
      const elsewhere = await openCase(cases, `${agencyId}-other`);
      const a = declared(agencyId, file.id, { createdAt: second(1) });
      const b = declared(elsewhere.agencyId, elsewhere.id, { createdAt: second(2) });
      const c = declared(agencyId, file.id, { createdAt: second(3) });
      const arrived = declared(agencyId, file.id, { createdAt: second(2) });
      await file.commit([c, a, arrived].map((item) => evidence.put(item)));
      await elsewhere.commit([evidence.put(b)]);
      await file.commit([evidence.put(archived(arrived), 'pending-upload')]);
      const ids = (items: Evidence[]) => items.map((item) => item.id);
      const window = { after: second(0), before: second(5) };

      const page = await evidence.pending({ ...window, limit: 2 });
      expect(ids(page.items)).toEqual([a.id, b.id]);
      const rest = await evidence.pending({ ...window, limit: 2, ...(page.next ? { next: page.next } : {}) });
      expect(ids(rest.items)).toEqual([c.id]);
      expect(rest.next).toBeUndefined();
      // From `after` on (included), before `before` (excluded); the rest of the table is later.
      const mine = (item: Evidence) => item.agencyId.startsWith(agencyId);
      const from = [];
      for await (const item of evidence.allPending({ after: second(2) })) if (mine(item)) from.push(item);
      expect(ids(from)).toEqual([b.id, c.id]);
      const until = await evidence.pending({ before: second(3) });
      expect(ids(until.items.filter(mine))).toEqual([a.id, b.id]);
    });

    it('[REC-7] every retrieval is logged once, with its case’s commit, and listed by its evidence in the order taken', async () => {
      const { cases, evidence, agencyId } = stores();
      const file = await openCase(cases, agencyId);
      const item = archived(declared(agencyId, file.id));
      const another = archived(declared(agencyId, file.id));
      const [earlier, later, theirs] = [nextId(), nextId(), nextId()];
      await file.commit([
        evidence.put(item),
        evidence.put(another),
        evidence.putRetrieval(retrieval(item, later)),
        evidence.putRetrieval(retrieval(item, earlier)),
        evidence.putRetrieval(retrieval(another, theirs)),
      ]);
      await expect(
        file.commit([evidence.putRetrieval({ ...retrieval(item, later), reason: '改写的调阅理由' })]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect(await evidence.retrievals(agencyId, item.id)).toEqual([
        retrieval(item, earlier),
        retrieval(item, later),
      ]);
      expect(await file.version()).toBe(2);
      expect(await evidence.retrievals(`${agencyId}-other`, item.id)).toEqual([]);
    });
  });
}
