import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.issueDecision, async ({ params, body, principal }) => ({
  status: 201,
  body: await issueDecision(ports, principal, params.id, body),
}));
