import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { revokeDecision } from '#shared/use-cases/revoke-decision.ts';

export const handler = httpHandler(routes.revokeDecision, async ({ params, body, principal }) => ({
  status: 200,
  body: await revokeDecision(ports, principal, params.id, body),
}));
