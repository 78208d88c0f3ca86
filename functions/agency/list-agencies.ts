import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listAgencies } from '#shared/organisation/use-cases/agency.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listAgencies, async ({ query, principal }) => ({
  status: 200,
  body: await listAgencies(ports, principal, query),
}));
