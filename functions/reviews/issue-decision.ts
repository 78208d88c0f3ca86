import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { issueDecision } from '#shared/use-cases/decisions.ts';

export const handler = httpHandler(routes.issueDecision, async ({ params, body, principal }) => ({
  status: 201,
  body: await issueDecision(ports, principal, params.id, body),
}));
