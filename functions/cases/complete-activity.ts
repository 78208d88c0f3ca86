import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { completeActivity } from '#shared/recording/use-cases/case-activities.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.completeActivity, async ({ params, body, principal }) => ({
  status: 200,
  body: await completeActivity(ports, principal, params.id, params.activityId, body ?? {}),
}));
