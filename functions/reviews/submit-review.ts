import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { submitReview } from '#shared/use-cases/submit-review.ts';

export const handler = httpHandler(routes.submitReview, async ({ params, body, principal }) => ({
  status: 201,
  body: await submitReview(ports, principal, params.id, body),
}));
