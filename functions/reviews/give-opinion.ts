import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { giveOpinion } from '#shared/legal-review/use-cases/review-rounds.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.giveOpinion, async ({ params, body, principal }) => ({
  status: 200,
  body: await giveOpinion(ports, principal, params.id, body),
}));
