import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { AT, changed, newCase } from './case-fixture.ts';

/** A registered case the contracts of a case's child stores commit their writes through. */
export interface OpenCase {
  readonly id: string;
  readonly agencyId: string;
  /** How many commits landed, its creation included: a refused commit leaves it as it was. */
  version(): Promise<number | undefined>;
  /** One change of the case at `at`, with `children` in its transaction; on a refusal, nothing moves. */
  commit(children: ChildWrite[], at?: string): Promise<void>;
}

/** Registers a case in `agencyId` at `at`, with `children` written in the same transaction. */
export async function openCase(
  cases: Port<CaseRepository>,
  agencyId: string,
  { at = AT, children = [] }: { at?: string; children?: ChildWrite[] } = {},
): Promise<OpenCase> {
  const { record, entry } = newCase(agencyId, { createdAt: at });
  let current: CaseRecord = record;
  await cases.create(current, entry, children);
  return {
    id: current.id,
    agencyId,
    version: async () => (await cases.get(agencyId, current.id))?.version,
    async commit(writes, when = at) {
      const { next, entry } = changed(current, {}, when);
      await cases.commit(current, next, entry, writes);
      current = next;
    },
  };
}
