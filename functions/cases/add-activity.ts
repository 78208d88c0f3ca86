import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { addActivity } from '#shared/use-cases/case-activities.ts';

export const handler = httpHandler(routes.addActivity, async ({ params, body, principal }) => ({
  status: 201,
  body: await addActivity(ports, principal, params.id, body),
}));
