import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { saveAgencyProfile } from '#shared/organisation/use-cases/agency.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.putAgency, async ({ body, principal }) => ({
  status: 200,
  body: await saveAgencyProfile(ports, principal, body),
}));
