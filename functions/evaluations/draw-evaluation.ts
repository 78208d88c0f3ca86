import { evaluationsRoutes as routes } from '#functions/evaluations/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { drawEvaluation } from '#shared/supervision/use-cases/evaluations.ts';

export const handler = httpHandler(routes.drawEvaluation, async ({ body, principal }) => ({
  status: 201,
  body: await drawEvaluation(ports, principal, body),
}));
