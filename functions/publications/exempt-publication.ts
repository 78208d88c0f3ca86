import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { exemptPublication } from '#shared/use-cases/publish-decision.ts';

export const handler = httpHandler(routes.exemptPublication, async ({ params, body, principal }) => ({
  status: 200,
  body: await exemptPublication(ports, principal, params.id, body),
}));
