import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { confirmPublication } from '#shared/publicity/use-cases/publish-decision.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.confirmPublication, async ({ params, principal }) => ({
  status: 200,
  body: await confirmPublication(ports, principal, params.id),
}));
