import { evaluationsRoutes as routes } from '#functions/evaluations/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { listEvaluations } from '#shared/supervision/use-cases/evaluations.ts';

export const handler = httpHandler(routes.listEvaluations, async ({ query, principal }) => ({
  status: 200,
  body: await listEvaluations(ports, principal, query),
}));
