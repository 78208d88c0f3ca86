import { supervisionRoutes as routes } from '#functions/supervision/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { listMatters } from '#shared/supervision/use-cases/matter-access.ts';

export const handler = httpHandler(routes.listMatters, async ({ query, principal }) => ({
  status: 200,
  body: await listMatters(ports, principal, query),
}));
