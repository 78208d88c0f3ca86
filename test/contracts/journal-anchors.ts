import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '#shared/kernel/journal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import type { AnchoredHead, JournalAnchor, JournalAnchors } from '#shared/recording/store/journal-anchors.ts';
import { openCase } from '#test/contracts/case-commits.ts';

const head = (seq = 1): AnchoredHead => ({ caseId: ulid(), seq, head: 'f'.repeat(64) });

/** An anchor as the daily job makes it, with its text and that text's SHA-256. */
function anchorOf(agencyId: string, day: string, cases: AnchoredHead[]) {
  const anchor: JournalAnchor = { agencyId, day, previous: null, cases };
  const text = canonicalJson(anchor);
  return { anchor, text, sha256: sha256Hex(text) };
}

type Stores = () => { cases: Port<CaseRepository>; anchors: Port<JournalAnchors>; agencyId: string };

/**
 * What every journal-anchor store keeps (REC-3): it knows which cases' journals grew on a day and
 * their newest head that day (Asia/Shanghai); a day is anchored once per agency and only after the
 * agency's latest one, the text first written being the one read back; and the archive's marks
 * say which days hold a case. The DynamoDB-and-S3 store and the in-memory one alike.
 */
export function journalAnchorsContract(name: string, stores: Stores): void {
  describe(`journal anchors: ${name}`, () => {
    it('[REC-3] the cases whose journal grew on a day are listed with their newest head of that day', async () => {
      const { cases, anchors, agencyId } = stores();
      const busy = await openCase(cases, agencyId, { at: '2026-03-02T02:00:00.000Z' });
      await busy.commit([], '2026-03-02T05:00:00.000Z');
      await busy.commit([], '2026-03-03T02:00:00.000Z');
      // 20:00 UTC is 04:00 the next morning in Shanghai: a change of 3 March.
      const late = await openCase(cases, agencyId, { at: '2026-03-02T20:00:00.000Z' });
      const [, endOfSecond, third] = await cases.journal(agencyId, busy.id);
      const [lateFirst] = await cases.journal(agencyId, late.id);
      const changed = async (day: string) =>
        (await anchors.changedOn(day))
          .filter((mark) => mark.agencyId === agencyId)
          .sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
      expect(await changed('2026-03-02')).toEqual([
        { agencyId, caseId: busy.id, seq: 2, head: endOfSecond?.hash },
      ]);
      expect(await changed('2026-03-03')).toEqual([
        { agencyId, caseId: busy.id, seq: 3, head: third?.hash },
        { agencyId, caseId: late.id, seq: 1, head: lateFirst?.hash },
      ]);
      expect(await changed('2026-03-04')).toEqual([]);
    });

    it('[REC-3] a day is anchored once: the text first written is the one read, and it is the agency’s latest', async () => {
      const { anchors, agencyId } = stores();
      const day = '2026-03-02';
      expect(await anchors.get(agencyId, day)).toBeUndefined();
      expect(await anchors.read(agencyId, day)).toBeUndefined();
      const first = anchorOf(agencyId, day, [head()]);
      expect(await anchors.write(first.anchor, first.text, first.sha256)).toBe(true);
      const record = { agencyId, day, sha256: first.sha256, key: expect.any(String) };
      expect(await anchors.get(agencyId, day)).toEqual(record);
      expect(await anchors.latest(agencyId)).toEqual(record);
      // A second run of the job, or a forger: the day stays as it was first anchored.
      const again = anchorOf(agencyId, day, [head(), head()]);
      expect(await anchors.write(again.anchor, again.text, again.sha256)).toBe(false);
      expect(await anchors.read(agencyId, day)).toBe(first.text);
      expect(await anchors.get(agencyId, day)).toEqual(record);
      expect(await anchors.latest(`${agencyId}-other`)).toBeUndefined();
    });

    it('[REC-3] an agency’s anchors only move forward: no day is anchored after a later one', async () => {
      const { anchors, agencyId } = stores();
      const third = anchorOf(agencyId, '2026-03-03', [head()]);
      expect(await anchors.write(third.anchor, third.text, third.sha256)).toBe(true);
      const second = anchorOf(agencyId, '2026-03-02', [head()]);
      expect(await anchors.write(second.anchor, second.text, second.sha256)).toBe(false);
      expect(await anchors.get(agencyId, '2026-03-02')).toBeUndefined();
      expect((await anchors.latest(agencyId))?.day).toBe('2026-03-03');
      const fourth = anchorOf(agencyId, '2026-03-04', [head()]);
      expect(await anchors.write(fourth.anchor, fourth.text, fourth.sha256)).toBe(true);
      expect(await anchors.latest(agencyId)).toMatchObject({ day: '2026-03-04', sha256: fourth.sha256 });
    });

    it('[REC-3] the days whose anchor holds a case are read from the archive’s marks', async () => {
      const { anchors, agencyId } = stores();
      const [both, once] = [head(), head()];
      const second = anchorOf(agencyId, '2026-03-02', [both, once]);
      await anchors.write(second.anchor, second.text, second.sha256);
      const third = anchorOf(agencyId, '2026-03-03', [{ ...both, seq: 2 }]);
      await anchors.write(third.anchor, third.text, third.sha256);
      expect(await anchors.daysOf(agencyId, both.caseId)).toEqual(['2026-03-02', '2026-03-03']);
      expect(await anchors.daysOf(agencyId, once.caseId)).toEqual(['2026-03-02']);
      expect(await anchors.daysOf(agencyId, ulid())).toEqual([]);
      expect(await anchors.daysOf(`${agencyId}-other`, both.caseId)).toEqual([]);
    });
  });
}
