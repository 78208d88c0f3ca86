import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { drawInspection } from '#shared/inspections/use-cases/random-draws.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.drawInspection, async ({ body, principal }) => ({
  status: 201,
  body: await drawInspection(ports, principal, body),
}));
