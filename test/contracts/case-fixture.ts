import { ulid } from 'ulid';
import { GENESIS_HASH, type JournalEntry, nextEntry } from '#shared/kernel/journal.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';

/** A case and its changes as the contract suites commit them: child writes ride a case's commit. */

export const AT = '2026-03-02T02:00:00.000Z';

export function newCase(
  agencyId: string,
  overrides: Partial<CaseRecord> = {},
): { record: CaseRecord; entry: JournalEntry } {
  const at = overrides.createdAt ?? AT;
  const entry = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    { at, actor: 'officer', type: 'case.registered', data: {} },
  );
  const record: CaseRecord = {
    id: ulid(),
    agencyId,
    category: 'penalty',
    title: '某某案',
    party: { kind: 'person', name: '杨某某', idNumber: '530524197805061235' },
    officers: ['ZF-0001', 'ZF-0002'],
    handlers: ['officer'],
    unitId: 'shswg',
    flags: {},
    status: 'registered',
    createdAt: at,
    createdBy: 'officer',
    updatedAt: at,
    version: 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
    ...overrides,
  };
  return { record, entry };
}

/** `record` changed by `change` at `at` (its updatedAt), one version and journal entry on. */
export function changed(
  record: CaseRecord,
  change: Partial<CaseRecord>,
  at = AT,
): { next: CaseRecord; entry: JournalEntry } {
  const entry = nextEntry(
    { seq: record.journalSeq, hash: record.journalHead },
    { at, actor: 'officer', type: 'case.changed', data: change },
  );
  return {
    next: {
      ...record,
      updatedAt: at,
      ...change,
      version: record.version + 1,
      journalSeq: entry.seq,
      journalHead: entry.hash,
    },
    entry,
  };
}
