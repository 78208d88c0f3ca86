import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { evidenceRetrievals } from '#shared/recording/use-cases/evidence.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listRetrievals, async ({ params, principal }) => ({
  status: 200,
  body: { items: await evidenceRetrievals(ports, principal, params.id) },
}));
