import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { publicationRule } from '#shared/publicity/use-cases/publication-access.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getPublicationRule, async ({ params, principal }) => ({
  status: 200,
  body: { category: params.category, ...(await publicationRule(ports, principal.agencyId, params.category)) },
}));
