import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { superviseAgency } from '#shared/use-cases/agency.ts';

export const handler = httpHandler(routes.superviseAgency, async ({ params, body, principal }) => ({
  status: 200,
  body: await superviseAgency(ports, principal, params.agencyId, body.supervisedBy),
}));
