import type { Principal } from '#shared/auth.ts';
import type { AgencyProfile, AgencyProfileInput } from '#shared/domain/agency.ts';
import type { AgencyRepository } from '#shared/store/agency-repository.ts';
import type { Port } from '#shared/store/port.ts';

/** An administrator records the agency's profile (name, region, units, settings), whole. */
export async function saveAgencyProfile(
  ports: { agencies: Port<AgencyRepository>; now: () => Date },
  principal: Principal,
  input: AgencyProfileInput,
): Promise<AgencyProfile> {
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
}
