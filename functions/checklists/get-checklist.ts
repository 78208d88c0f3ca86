import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { getChecklist } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.getChecklist, async ({ params, principal }) => ({
  status: 200,
  body: await getChecklist(ports, principal.agencyId, params.id),
}));
