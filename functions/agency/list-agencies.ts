import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { listAgencies } from '#shared/use-cases/agency.ts';

export const handler = httpHandler(routes.listAgencies, async ({ query, principal }) => ({
  status: 200,
  body: await listAgencies(ports, principal, query),
}));
