import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { scanInspection } from '#shared/inspections/use-cases/inspections.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.scanInspection, async ({ params, body, principal }) => ({
  status: 201,
  body: await scanInspection(ports, principal, params.id, body.code),
}));
