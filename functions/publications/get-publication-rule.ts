import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { publicationRule } from '#shared/use-cases/publication-access.ts';

export const handler = httpHandler(routes.getPublicationRule, async ({ params, principal }) => ({
  status: 200,
  body: { category: params.category, ...(await publicationRule(ports, principal.agencyId, params.category)) },
}));
