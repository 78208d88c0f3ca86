import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { superviseAgency } from '#shared/organisation/use-cases/agency.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.superviseAgency, async ({ params, body, principal }) => ({
  status: 200,
  body: await superviseAgency(ports, principal, params.agencyId, body.supervisedBy),
}));
