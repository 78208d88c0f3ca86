import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listScope } from '#shared/recording/use-cases/case-access.ts';
import { ports } from '#shared/repositories.ts';

/** A page of the agency's reviews for those who see the agency; their own unit's for everyone else. */
export const handler = httpHandler(routes.listReviews, async ({ query, principal }) => ({
  status: 200,
  body: await ports.reviews.page(principal.agencyId, { ...query, unit: listScope(principal) }),
}));
