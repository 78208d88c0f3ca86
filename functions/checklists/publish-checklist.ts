import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { publishChecklist } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.publishChecklist, async ({ params, body, principal }) => ({
  status: 200,
  body: await publishChecklist(ports, principal, params.id, body ?? {}),
}));
