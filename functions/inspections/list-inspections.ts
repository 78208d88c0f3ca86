import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listInspections } from '#shared/inspections/use-cases/inspections.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listInspections, async ({ query, principal }) => ({
  status: 200,
  body: await listInspections(ports, principal, query.limit, query.cursor),
}));
