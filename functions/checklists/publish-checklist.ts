import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { publishChecklist } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.publishChecklist, async ({ params, body, principal }) => ({
  status: 200,
  body: await publishChecklist(ports, principal, params.id, body ?? {}),
}));
