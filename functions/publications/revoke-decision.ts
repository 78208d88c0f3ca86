import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { revokeDecision } from '#shared/decisions/use-cases/revoke-decision.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.revokeDecision, async ({ params, body, principal }) => ({
  status: 200,
  body: await revokeDecision(ports, principal, params.id, body),
}));
