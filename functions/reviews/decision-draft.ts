import { reviewsRoutes as routes } from '#functions/reviews/routes.ts';
import { decisionDraft } from '#shared/decisions/use-cases/issue-decision.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.decisionDraft, async ({ params, principal }) => ({
  status: 200,
  body: await decisionDraft(ports, principal, params.id),
}));
