import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { saveAgencyProfile } from '#shared/use-cases/agency.ts';

export const handler = httpHandler(routes.putAgency, async ({ body, principal }) => ({
  status: 200,
  body: await saveAgencyProfile(ports, principal, body),
}));
