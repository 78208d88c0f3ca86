import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { exemptPublication } from '#shared/publicity/use-cases/publish-decision.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.exemptPublication, async ({ params, body, principal }) => ({
  status: 200,
  body: await exemptPublication(ports, principal, params.id, body),
}));
