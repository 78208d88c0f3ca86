import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { getChecklist } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getChecklist, async ({ params, principal }) => ({
  status: 200,
  body: await getChecklist(ports, principal.agencyId, params.id),
}));
