import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { readReview } from '#shared/legal-review/use-cases/review-access.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getReview, async ({ params, principal }) => ({
  status: 200,
  body: await readReview(ports, principal, params.id),
}));
