import { ulid } from 'ulid';
import { GENESIS_HASH, type JournalEntry, nextEntry } from '#shared/kernel/journal.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';

/** A case and its changes as the contract suites commit them: child writes ride a case's commit. */

export const AT = '2026-03-02T02:00:00.000Z';

export function newCase(
  agencyId: string,
  overrides: Partial<CaseRecord> = {},
): { record: CaseRecord; entry: JournalEntry } {
  const entry = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    { at: AT, actor: 'officer', type: 'case.registered', data: {} },
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
    createdAt: AT,
    createdBy: 'officer',
    updatedAt: AT,
    version: 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
    ...overrides,
  };
  return { record, entry };
}

export function changed(
  record: CaseRecord,
  change: Partial<CaseRecord>,
): { next: CaseRecord; entry: JournalEntry } {
  const entry = nextEntry(
    { seq: record.journalSeq, hash: record.journalHead },
    { at: AT, actor: 'officer', type: 'case.changed', data: change },
  );
  return {
    next: {
      ...record,
      ...change,
      version: record.version + 1,
      journalSeq: entry.seq,
      journalHead: entry.hash,
    },
    entry,
  };
}
