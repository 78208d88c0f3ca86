import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { submitReview } from '#shared/legal-review/use-cases/submit-review.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.submitReview, async ({ params, body, principal }) => ({
  status: 201,
  body: await submitReview(ports, principal, params.id, body),
}));
