import { ulid } from 'ulid';
import { GENESIS_HASH, nextEntry } from '#shared/kernel/journal.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';

/** A registered case the contracts of a case's child stores commit their writes through. */
export interface OpenCase {
  readonly id: string;
  readonly agencyId: string;
  /** How many commits landed, its creation included: a refused commit leaves it as it was. */
  version(): Promise<number | undefined>;
  /** One change of the case at `at`, with `children` in its transaction; on a refusal, nothing moves. */
  commit(children: ChildWrite[], at?: string): Promise<void>;
}

const AT = '2026-03-02T02:00:00.000Z';

/** Registers a case in `agencyId` at `at`, with `children` written in the same transaction. */
export async function openCase(
  cases: Port<CaseRepository>,
  agencyId: string,
  { at = AT, children = [] }: { at?: string; children?: ChildWrite[] } = {},
): Promise<OpenCase> {
  const first = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    { at, actor: 'officer', type: 'case.registered', data: {} },
  );
  let current: CaseRecord = {
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
    journalSeq: first.seq,
    journalHead: first.hash,
  };
  await cases.create(current, first, children);
  return {
    id: current.id,
    agencyId,
    version: async () => (await cases.get(agencyId, current.id))?.version,
    async commit(writes, when = at) {
      const entry = nextEntry(
        { seq: current.journalSeq, hash: current.journalHead },
        { at: when, actor: 'officer', type: 'case.changed', data: {} },
      );
      const next = {
        ...current,
        updatedAt: when,
        version: current.version + 1,
        journalSeq: entry.seq,
        journalHead: entry.hash,
      };
      await cases.commit(current, next, entry, writes);
      current = next;
    },
  };
}
