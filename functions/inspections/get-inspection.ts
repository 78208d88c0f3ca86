import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getInspection } from '#shared/inspections/use-cases/inspections.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getInspection, async ({ params, principal }) => ({
  status: 200,
  body: await getInspection(ports, principal, params.id),
}));
