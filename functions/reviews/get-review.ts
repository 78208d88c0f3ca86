import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { readReview } from '#shared/use-cases/review-access.ts';

export const handler = httpHandler(routes.getReview, async ({ params, principal }) => ({
  status: 200,
  body: await readReview(ports, principal, params.id),
}));
