import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.listReviews, async ({ query, principal }) => {
  const reviews = await ports.reviews.list(principal.agencyId);
  return {
    status: 200,
    body: { items: query.status ? reviews.filter((review) => review.status === query.status) : reviews },
  };
});
