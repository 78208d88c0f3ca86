import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { previewPublication } from '#shared/publicity/use-cases/publish-decision.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.previewPublication, async ({ params, principal }) => ({
  status: 200,
  body: await previewPublication(ports, principal, params.id),
}));
