import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { drawInspection } from '#shared/use-cases/random-draws.ts';

export const handler = httpHandler(routes.drawInspection, async ({ body, principal }) => ({
  status: 201,
  body: await drawInspection(ports, principal, body),
}));
