import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { setPublicationRule } from '#shared/publicity/use-cases/publication-access.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.putPublicationRule, async ({ params, body, principal }) => ({
  status: 200,
  body: await setPublicationRule(ports, principal, params.category, body),
}));
