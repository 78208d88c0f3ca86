import { routes } from '#functions/routes.ts';
import type { AgencyProfile } from '#shared/domain/agency.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.putAgency, async ({ body, principal }) => {
  const profile: AgencyProfile = {
    ...body,
    agencyId: principal.agencyId,
    updatedAt: ports.now().toISOString(),
    updatedBy: principal.sub,
  };
  await ports.agencies.put(profile);
  return { status: 200, body: profile };
});
