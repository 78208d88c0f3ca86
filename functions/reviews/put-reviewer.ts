import { routes } from '#functions/routes.ts';
import type { Reviewer } from '#shared/domain/reviews/reviewer.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.putReviewer, async ({ params, body, principal }) => {
  const reviewer: Reviewer = {
    ...body,
    userId: params.userId,
    agencyId: principal.agencyId,
    updatedAt: ports.now().toISOString(),
    updatedBy: principal.sub,
  };
  await ports.reviews.putReviewer(reviewer);
  return { status: 200, body: reviewer };
});
