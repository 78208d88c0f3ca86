import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { giveOpinion } from '#shared/use-cases/review-rounds.ts';

export const handler = httpHandler(routes.giveOpinion, async ({ params, body, principal }) => ({
  status: 200,
  body: await giveOpinion(ports, principal, params.id, body),
}));
