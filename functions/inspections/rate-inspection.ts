import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { rateInspection } from '#shared/inspections/use-cases/inspections.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.rateInspection, async ({ params, body, principal }) => ({
  status: 200,
  body: await rateInspection(ports, principal, params.id, body),
}));
