import { evaluationsRoutes as routes } from '#functions/evaluations/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { scoreFile } from '#shared/supervision/use-cases/evaluations.ts';

export const handler = httpHandler(routes.scoreEvaluationFile, async ({ params, body, principal }) => ({
  status: 200,
  body: await scoreFile(ports, principal, params.id, params.caseId, body),
}));
