import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { dispute } from '#shared/legal-review/use-cases/review-rounds.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.disputeReview, async ({ params, body, principal }) => ({
  status: 200,
  body: await dispute(ports, principal, params.id, body),
}));
