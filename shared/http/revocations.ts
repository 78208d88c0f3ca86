import type { Principal } from '#shared/auth.ts';
import { config } from '#shared/config.ts';
import { AccountRepository } from '#shared/store/account-repository.ts';
import { documentClient } from '#shared/store/clients.ts';

interface Cached {
  readAt: number;
  subjects: Promise<Record<string, number>>;
}

/** Each agency's disabled accounts, as this instance last read them (one GetItem per agency per period). */
const cache = new Map<string, Cached>();
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
  const { MAIN_TABLE, JOURNAL_TABLE } = config();
  let cached = cache.get(principal.agencyId);
  if (!cached || now - cached.readAt >= periodSeconds * 1000) {
    accounts ??= new AccountRepository(documentClient, MAIN_TABLE, JOURNAL_TABLE);
    const subjects = accounts.revoked(principal.agencyId).then((revoked) => revoked.subjects);
    cached = { readAt: now, subjects };
    cache.set(principal.agencyId, cached);
    // A failed read is not remembered: the next request tries again.
    subjects.catch(() => cache.delete(principal.agencyId));
  }
  return (await cached.subjects)[principal.sub] !== undefined;
}
