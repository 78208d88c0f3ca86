import { supervisionRoutes as routes } from '#functions/supervision/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { referDecision } from '#shared/supervision/use-cases/refer-decision.ts';

export const handler = httpHandler(routes.referDecision, async ({ params, body, principal }) => ({
  status: 201,
  body: await referDecision(ports, principal, params.id, body),
}));
