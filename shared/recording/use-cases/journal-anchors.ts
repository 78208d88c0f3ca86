import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import { canonicalJson, type JournalEntry, sha256Hex } from '#shared/kernel/journal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { JournalAnchor, JournalAnchors } from '#shared/recording/store/journal-anchors.ts';

export interface AnchorPorts {
  anchors: Port<JournalAnchors>;
  now: () => Date;
}

/**
 * Anchors one day (REC-3): for each agency whose journals grew that day, the newest head of every
 * such case goes into the Object Lock archive, hash-linked to the agency's previous anchor. Run
 * again, a day already anchored is left as it is.
 */
export async function anchorDay(ports: AnchorPorts, day: string) {
  const changed = await ports.anchors.changedOn(day);
  const anchored: string[] = [];
  for (const [agencyId, heads = []] of Map.groupBy(changed, (head) => head.agencyId)) {
    if (await ports.anchors.get(agencyId, day)) continue;
    const previous = await ports.anchors.latest(agencyId);
    const anchor: JournalAnchor = {
      agencyId,
      day,
      previous: previous && previous.day < day ? { day: previous.day, sha256: previous.sha256 } : null,
      cases: heads
        .map(({ caseId, seq, head }) => ({ caseId, seq, head }))
        .sort((a, b) => a.caseId.localeCompare(b.caseId)),
    };
    const text = canonicalJson(anchor);
    if (await ports.anchors.write(anchor, text, sha256Hex(Buffer.from(text)))) anchored.push(agencyId);
  }
  return { day, agencies: anchored.length, cases: changed.length };
}

/** The daily job: yesterday, and the day before in case a run was missed. */
export async function anchorRecentDays(ports: AnchorPorts) {
  const today = legalDateOf(ports.now());
  return [
    await anchorDay(ports, addCalendarDays(today, -2)),
    await anchorDay(ports, addCalendarDays(today, -1)),
  ];
}

export interface AnchorVerification {
  /** Anchored days whose head for this case matched the journal. */
  checked: number;
  broken?: { day: string; seq: number; reason: string };
}

/**
 * Checks a case's journal against every anchor that holds its head: the entry at the anchored
 * sequence number must have the anchored hash. A journal rewritten together with its case's head
 * (by someone holding the tables' credentials) is caught here, at the first anchored day.
 */
export async function verifyAgainstAnchors(
  ports: AnchorPorts,
  agencyId: string,
  caseId: string,
  entries: readonly JournalEntry[],
): Promise<AnchorVerification> {
  let checked = 0;
  // The days come from the archive's own marks of the case, not from the tables a forger holds.
  for (const day of await ports.anchors.daysOf(agencyId, caseId)) {
    const text = await ports.anchors.read(agencyId, day);
    const held =
      text === undefined
        ? undefined
        : (JSON.parse(text) as JournalAnchor).cases.find((head) => head.caseId === caseId);
    if (!held) {
      return { checked, broken: { day, seq: 0, reason: '存证锚点缺失：该日锚点未记录本案' } };
    }
    const entry = entries.find((candidate) => candidate.seq === held.seq);
    if (entry?.hash !== held.head) {
      return {
        checked,
        broken: { day, seq: held.seq, reason: '与存证锚点记录的哈希不一致：日志在锚定后被改写' },
      };
    }
    checked += 1;
  }
  return { checked };
}
