import type { AgencyProfile, AgencyProfileInput } from '#shared/kernel/agency.ts';
import { ValidationFailed } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';

/** An administrator records the agency's profile (name, region, units, settings), whole. */
export async function saveAgencyProfile(
  ports: { agencies: Port<AgencyRepository>; now: () => Date },
  principal: Principal,
  input: AgencyProfileInput,
): Promise<AgencyProfile> {
  return withRetry(async () => {
    // Who supervises the agency and where it came from are the platform administrator's to say.
    const current = await ports.agencies.get(principal.agencyId);
    const profile: AgencyProfile = {
      ...(current?.supervisedBy ? { supervisedBy: current.supervisedBy } : {}),
      ...(current?.subjectListItem ? { subjectListItem: current.subjectListItem } : {}),
      ...input,
      agencyId: principal.agencyId,
      updatedAt: ports.now().toISOString(),
      updatedBy: principal.sub,
    };
    await ports.agencies.put(profile);
    return profile;
  });
}

/**
 * The platform administrator names the bodies that supervise an agency (ORG-4, ORG-6): a body
 * added reads the agency from its supervisors' next request, a body removed reads nothing of it
 * from the next expiry of the functions' cache (`SUPERVISION_CACHE_SECONDS`).
 */
export async function superviseAgency(
  ports: { agencies: Port<AgencyRepository>; now: () => Date },
  principal: Principal,
  agencyId: string,
  supervisedBy: string[],
): Promise<AgencyProfile> {
  if (supervisedBy.includes(agencyId)) {
    throw new ValidationFailed([{ path: 'supervisedBy', message: '机关不能监督自己' }]);
  }
  return withRetry(() =>
    ports.agencies.supervise(agencyId, supervisedBy, { at: ports.now().toISOString(), by: principal.sub }),
  );
}

/**
 * The agencies a caller may name (ORG-6, ORG-4), ids with names: every one, a page at a time,
 * to the platform administrator, with the bodies that supervise each (which it changes); to a
 * supervisor, those it supervises.
 */
export async function listAgencies(
  ports: { agencies: Port<AgencyRepository> },
  principal: Principal,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<{ agencyId: string; name: string; supervisedBy?: string[] }>> {
  if (principal.roles.includes('platform-admin')) {
    const page = await ports.agencies.page(query);
    return {
      ...page,
      items: page.items.map(({ agencyId, name, supervisedBy }) => ({
        agencyId,
        name,
        ...(supervisedBy ? { supervisedBy } : {}),
      })),
    };
  }
  const supervised = await Promise.all(
    (principal.supervises ?? []).map(async (agencyId) => ({
      agencyId,
      name: (await ports.agencies.get(agencyId))?.name ?? agencyId,
    })),
  );
  return { items: supervised };
}
