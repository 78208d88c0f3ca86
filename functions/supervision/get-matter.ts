import { supervisionRoutes as routes } from '#functions/supervision/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { getMatter } from '#shared/supervision/use-cases/matter-access.ts';

export const handler = httpHandler(routes.getMatter, async ({ params, principal }) => ({
  status: 200,
  body: await getMatter(ports, principal, params.id),
}));
