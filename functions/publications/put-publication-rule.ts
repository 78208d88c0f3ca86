import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { setPublicationRule } from '#shared/use-cases/publication-access.ts';

export const handler = httpHandler(routes.putPublicationRule, async ({ params, body, principal }) => ({
  status: 200,
  body: await setPublicationRule(ports, principal, params.category, body),
}));
