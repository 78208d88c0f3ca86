import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listReviewers, async ({ principal }) => ({
  status: 200,
  body: { items: await ports.reviews.reviewers(principal.agencyId) },
}));
