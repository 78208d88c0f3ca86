import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { evidenceRetrievals } from '#shared/use-cases/evidence.ts';

export const handler = httpHandler(routes.listRetrievals, async ({ params, principal }) => ({
  status: 200,
  body: { items: await evidenceRetrievals(ports, principal, params.id) },
}));
