import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { createInspection } from '#shared/inspections/use-cases/inspections.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.createInspection, async ({ body, principal }) => ({
  status: 201,
  body: await createInspection(ports, principal, body),
}));
