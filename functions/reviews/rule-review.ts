import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { ruleOnDispute } from '#shared/use-cases/review-rounds.ts';

export const handler = httpHandler(routes.ruleReview, async ({ params, body, principal }) => ({
  status: 200,
  body: await ruleOnDispute(ports, principal, params.id, body),
}));
