import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { confirmPublication } from '#shared/use-cases/publish-decision.ts';

export const handler = httpHandler(routes.confirmPublication, async ({ params, principal }) => ({
  status: 200,
  body: await confirmPublication(ports, principal, params.id),
}));
