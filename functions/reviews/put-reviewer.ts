import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { recordReviewer } from '#shared/legal-review/use-cases/reviewers.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.putReviewer, async ({ params, body, principal }) => ({
  status: 200,
  body: await recordReviewer(ports, principal, params.userId, body),
}));
