import { config } from '#shared/config.ts';
import { BriefCache } from '#shared/http/brief-cache.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';

/** Each supervisory body's agencies, as this instance last read them (one Query per body per period). */
const cache = new BriefCache<string[]>();
let agencies: AgencyRepository | undefined;

/**
 * The caller with the agencies its body supervises (ORG-4), from the data: the agencies whose
 * `supervisedBy` names the caller's agency, kept in the body's supervision index. No token says
 * it: whatever `supervises` a token carries is dropped. Read at most once per
 * `SUPERVISION_CACHE_SECONDS` per body per instance (5 s in AWS, 0 on one machine), so a body
 * the platform administrator removes reads nothing of the agency from the next expiry; only a
 * `supervisor` costs the read at all.
 */
export async function withSupervised(
  principal: Principal,
  now = Date.now(),
  periodSeconds = config().SUPERVISION_CACHE_SECONDS,
): Promise<Principal> {
  const { supervises: _untrusted, ...caller } = principal;
  if (!caller.roles.includes('supervisor')) return caller;
  const supervises = await cache.get(
    caller.agencyId,
    () => {
      agencies ??= new AgencyRepository(documentClient, config().MAIN_TABLE);
      return agencies.supervisedBy(caller.agencyId);
    },
    now,
    periodSeconds,
  );
  return supervises.length > 0 ? { ...caller, supervises } : caller;
}
