import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { addActivity } from '#shared/recording/use-cases/case-activities.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.addActivity, async ({ params, body, principal }) => ({
  status: 201,
  body: await addActivity(ports, principal, params.id, body),
}));
