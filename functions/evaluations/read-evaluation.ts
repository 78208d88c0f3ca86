import { evaluationsRoutes as routes } from '#functions/evaluations/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { readEvaluation } from '#shared/supervision/use-cases/evaluations.ts';

export const handler = httpHandler(routes.readEvaluation, async ({ params, principal }) => ({
  status: 200,
  body: await readEvaluation(ports, principal, params.id),
}));
