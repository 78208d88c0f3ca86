import { config } from '#shared/config.ts';
import { BriefCache } from '#shared/http/brief-cache.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { AccountRepository } from '#shared/organisation/store/account-repository.ts';

/** Each agency's disabled accounts, as this instance last read them (one GetItem per agency per period). */
const cache = new BriefCache<Record<string, number>>();
let accounts: AccountRepository | undefined;

/**
 * Whether the caller's account has been disabled (ORG-5). The agency's revocation item is read
 * at most once per `REVOCATION_CACHE_SECONDS` per instance (5 s in AWS, 0 on one machine), and
 * requests in between ask memory: no extra round trip on the hot path, and a disabled account's
 * token passes for at most that long after the disable. `periodSeconds` is that setting unless
 * given (`npm run bench` measures both sides of it).
 */
export async function isRevoked(
  principal: Principal,
  now = Date.now(),
  periodSeconds = config().REVOCATION_CACHE_SECONDS,
): Promise<boolean> {
  const subjects = await cache.get(
    principal.agencyId,
    async () => {
      const { MAIN_TABLE, JOURNAL_TABLE } = config();
      accounts ??= new AccountRepository(documentClient, MAIN_TABLE, JOURNAL_TABLE);
      return (await accounts.revoked(principal.agencyId)).subjects;
    },
    now,
    periodSeconds,
  );
  return subjects[principal.sub] !== undefined;
}
