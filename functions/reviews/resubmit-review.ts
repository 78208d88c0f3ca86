import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { resubmit } from '#shared/legal-review/use-cases/review-rounds.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.resubmitReview, async ({ params, body, principal }) => ({
  status: 200,
  body: await resubmit(ports, principal, params.id, body),
}));
