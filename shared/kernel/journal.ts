import { createHash } from 'node:crypto';

/**
 * The case journal (REC-3): an append-only chain. Each entry carries the hash of the one before,
 * and its own hash over its canonical content, so editing, removing or reordering any entry
 * breaks the chain at that point.
 */
export interface JournalEntry {
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function entryHash(entry: Omit<JournalEntry, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      type: entry.type,
      data: entry.data,
      prevHash: entry.prevHash,
    }),
  );
}

/** The next entry after `head` (the last seq and hash of the chain). */
export function nextEntry(
  head: { seq: number; hash: string },
  entry: { at: string; actor: string; type: string; data: Record<string, unknown> },
): JournalEntry {
  const unsigned = { ...entry, seq: head.seq + 1, prevHash: head.hash };
  return { ...unsigned, hash: entryHash(unsigned) };
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** The first broken link, if any. */
  broken?: { seq: number; reason: string };
}

/**
 * Recomputes the chain. `head` is what the case itself recorded as its last entry, which catches
 * entries removed from the end.
 */
export function verifyChain(
  entries: readonly JournalEntry[],
  head: { seq: number; hash: string },
): VerifyResult {
  let previous = { seq: 0, hash: GENESIS_HASH };
  for (const entry of entries) {
    const fail = (reason: string): VerifyResult => ({
      ok: false,
      entries: entries.length,
      broken: { seq: entry.seq, reason },
    });
    if (entry.seq !== previous.seq + 1) return fail(`序号不连续：应为 ${previous.seq + 1}`);
    if (entry.prevHash !== previous.hash) return fail('与前一条记录的哈希不符');
    if (entryHash(entry) !== entry.hash) return fail('记录内容与其哈希不符（已被修改）');
    previous = { seq: entry.seq, hash: entry.hash };
  }
  if (previous.seq !== head.seq || previous.hash !== head.hash) {
    return {
      ok: false,
      entries: entries.length,
      broken: { seq: previous.seq + 1, reason: '案件记录的最后一条日志缺失' },
    };
  }
  return { ok: true, entries: entries.length };
}
