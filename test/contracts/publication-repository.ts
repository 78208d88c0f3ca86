import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import type { Publication } from '#shared/publicity/domain/publication.ts';
import type { PublicationRepository } from '#shared/publicity/store/publication-repository.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { AT, changed, newCase } from '#test/contracts/case-fixture.ts';

type Stores = { cases: Port<CaseRepository>; publications: Port<PublicationRepository>; agencyId: string };

const publication = (record: CaseRecord, overrides: Partial<Publication> = {}): Publication => ({
  id: ulid(),
  agencyId: record.agencyId,
  caseId: record.id,
  unitId: 'shswg',
  decisionId: `decision-${record.id}`,
  category: 'penalty',
  status: 'scheduled',
  decidedOn: '2026-03-02',
  workingDays: 7,
  dueBy: '2026-03-11',
  calendarVersions: { '2026': 1 },
  periodMonths: 36,
  createdAt: AT,
  updatedAt: AT,
  version: 1,
  ...overrides,
});

const publicRecord = (agencyId: string, overrides: Partial<PublicRecord> = {}): PublicRecord => ({
  id: ulid(),
  agencyId,
  agencyName: '昌宁县民政局',
  category: 'penalty',
  categoryName: '行政处罚',
  party: { kind: 'organization', name: '昌宁县某某商贸有限公司' },
  decisionType: '罚款',
  conclusion: '罚款人民币二千元',
  legalBasis: '《中华人民共和国行政处罚法》',
  decidedOn: '2026-03-02',
  publishedOn: '2026-03-05',
  expiresOn: '2029-03-05',
  ...overrides,
});

/** A case of its own whose commit carries `children` (a publication only changes in a case's commit). */
async function committed(
  stores: Stores,
  children: (record: CaseRecord) => ReturnType<Stores['publications']['put']>[],
) {
  const { record, entry } = newCase(stores.agencyId);
  await stores.cases.create(record, entry, children(record));
  return record;
}

/**
 * What every publication store keeps (PUB-9, PUB-11, PUB-12): a publication is written only in a
 * case's commit and only over the version read; the agency's list is newest decision first and
 * pages without loss; the open list holds what is still to be published, earliest due first; the
 * sweep's work lists follow the status; the public list, its look-ups and the feed hold what was
 * listed, and a record taken off the list is still read by its id.
 */
export function publicationRepositoryContract(name: string, stores: () => Stores): void {
  describe(`publication repository: ${name}`, () => {
    it('[PUB-12] a publication changes only over the version read; a stale change cancels its case commit', async () => {
      const s = stores();
      let scheduled: Publication | undefined;
      const record = await committed(s, (owner) => {
        scheduled = publication(owner);
        return [s.publications.put(scheduled)];
      });
      const first = scheduled as Publication;
      const published = { ...first, status: 'published' as const, publishedOn: '2026-03-05', version: 2 };
      const step = changed(record, {});
      await s.cases.commit(record, step.next, step.entry, [s.publications.put(published, first)]);
      // A second sweep that read version 1 too has lost the race: nothing of its commit lands.
      const late = changed(step.next, { title: '迟到的修改' });
      const overdue = { ...first, status: 'overdue' as const, version: 2 };
      await expect(
        s.cases.commit(step.next, late.next, late.entry, [s.publications.put(overdue, first)]),
      ).rejects.toBeInstanceOf(StaleWrite);
      expect(await s.publications.get(s.agencyId, first.id)).toMatchObject({
        status: 'published',
        version: 2,
      });
      expect((await s.cases.get(s.agencyId, record.id))?.title).toBe('某某案');
      // A "new" publication whose id is taken is refused the same way.
      const again = changed(step.next, {});
      await expect(
        s.cases.commit(step.next, again.next, again.entry, [s.publications.put(first)]),
      ).rejects.toBeInstanceOf(StaleWrite);
    });

    it("[PUB-9] the agency's list is newest decision first, by unit and status, and pages without loss", async () => {
      const s = stores();
      const days = ['2026-03-02', '2026-03-04', '2026-03-03', '2026-03-06', '2026-03-05'];
      const written = new Map<string, Publication>();
      for (const [n, decidedOn] of days.entries()) {
        await committed(s, (record) => {
          const one = publication(record, {
            decidedOn,
            unitId: n % 2 === 0 ? 'shswg' : 'zfdd',
            status: n === 1 ? 'published' : 'scheduled',
          });
          written.set(one.id, one);
          return [s.publications.put(one)];
        });
      }
      const newestFirst = [...written.values()]
        .sort((a, b) => `${b.decidedOn}#${b.id}`.localeCompare(`${a.decidedOn}#${a.id}`))
        .map((one) => one.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.publications.page(s.agencyId, { limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.items.map((one) => one.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(newestFirst);
      expect((await s.publications.list(s.agencyId)).map((one) => one.id)).toEqual(newestFirst);
      const unit = await s.publications.page(s.agencyId, { limit: 10, unit: { unitId: 'zfdd' } });
      expect(unit.items.map((one) => one.unitId)).toEqual(['zfdd', 'zfdd']);
      const published = await s.publications.page(s.agencyId, { limit: 10, status: 'published' });
      expect(published.items.map((one) => one.decidedOn)).toEqual(['2026-03-04']);
      // Another agency's list holds none of them.
      expect((await s.publications.page(`other-${s.agencyId}`, { limit: 10 })).items).toEqual([]);
    });

    it('[PUB-12] the open list and the work lists follow the status; a readiness hint moves only the version it read', async () => {
      const s = stores();
      let early: Publication | undefined;
      let late: Publication | undefined;
      const record = await committed(s, (owner) => {
        early = publication(owner, { dueBy: '2026-03-09' });
        late = publication(owner, { dueBy: '2026-03-12' });
        return [s.publications.put(late), s.publications.put(early)];
      });
      const [a, b] = [early as Publication, late as Publication];
      expect((await s.publications.open(s.agencyId)).map((one) => one.id)).toEqual([a.id, b.id]);
      const mine = async (list: Parameters<Stores['publications']['work']>[0], upTo?: string) =>
        (await s.publications.work(list, upTo))
          .filter((one) => one.agencyId === s.agencyId)
          .map((one) => one.id);
      expect(await mine('PUBLICATION_SCHEDULED', '2026-03-10')).toEqual([a.id]);
      expect(await mine('PUBLICATION_SCHEDULED')).toEqual([a.id, b.id]);

      await s.publications.hintReady(b);
      expect(await mine('PUBLICATION_READY')).toEqual([b.id]);
      expect((await s.publications.get(s.agencyId, b.id))?.version).toBe(1);
      // A hint from a version that moved on changes nothing.
      const published = { ...a, status: 'published' as const, expiresOn: '2029-03-09', version: 2 };
      const step = changed(record, {});
      await s.cases.commit(record, step.next, step.entry, [s.publications.put(published, a)]);
      await s.publications.hintReady(a);
      expect(await mine('PUBLICATION_READY')).toEqual([b.id]);
      expect(await mine('PUBLICATION_LIVE', '2029-03-09')).toEqual([a.id]);
      expect((await s.publications.open(s.agencyId)).map((one) => one.id)).toEqual([b.id]);
    });

    it('[PUB-9] [PUB-11] the public list and the feed hold what is listed; a withdrawn record is still read by id', async () => {
      const s = stores();
      const older = publicRecord(s.agencyId, { publishedOn: '2026-03-05', documentNo: '昌民罚〔2026〕1号' });
      const newer = publicRecord(s.agencyId, { publishedOn: '2026-03-09', category: 'licensing' });
      await committed(s, () => [
        s.publications.putPublicRecord(s.agencyId, older, true, '2026-03-05T02:00:00.000Z'),
        s.publications.putPublicRecord(s.agencyId, newer, true, '2026-03-09T02:00:00.000Z'),
      ]);
      const ids = async (search = {}) =>
        (await s.publications.publicRecords(s.agencyId, 10, undefined, search)).items.map((one) => one.id);
      expect(await ids()).toEqual([newer.id, older.id]);
      expect(await ids({ documentNo: '昌民罚〔2026〕1号' })).toEqual([older.id]);
      expect(await ids({ from: '2026-03-06' })).toEqual([newer.id]);
      expect(await ids({ to: '2026-03-05' })).toEqual([older.id]);
      expect(await ids({ category: 'licensing' })).toEqual([newer.id]);
      expect((await s.publications.feed(s.agencyId, 10)).map((one) => one.id)).toEqual([newer.id, older.id]);

      const withdrawal = { id: older.id, status: 'withdrawn' as const, withdrawnAt: AT, reason: '复议撤销' };
      await committed(s, () => [
        s.publications.putPublicRecord(s.agencyId, withdrawal, false, '2026-03-10T02:00:00.000Z'),
      ]);
      expect(await ids()).toEqual([newer.id]);
      expect(await ids({ documentNo: '昌民罚〔2026〕1号' })).toEqual([]);
      expect(await s.publications.getPublicRecord(older.id)).toMatchObject({
        status: 'withdrawn',
        reason: '复议撤销',
      });
      expect((await s.publications.feed(s.agencyId, 1)).map((one) => one.id)).toEqual([older.id]);
      // Without a feed time the record leaves the feed.
      await committed(s, () => [s.publications.putPublicRecord(s.agencyId, newer, true)]);
      expect((await s.publications.feed(s.agencyId, 10)).map((one) => one.id)).toEqual([older.id]);
    });

    it("[PUB-9] an agency's publication rule is read back as it was saved, per category", async () => {
      const s = stores();
      expect(await s.publications.getRule(s.agencyId, 'penalty')).toBeUndefined();
      const rule = { workingDays: 5, publishWhen: 'served' as const, maskPersonName: true, periodMonths: 12 };
      await s.publications.putRule(s.agencyId, 'penalty', rule, 'agency-admin', AT);
      expect(await s.publications.getRule(s.agencyId, 'penalty')).toEqual(rule);
      expect(await s.publications.getRule(s.agencyId, 'licensing')).toBeUndefined();
    });
  });
}
