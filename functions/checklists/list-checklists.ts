import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { listChecklists } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.listChecklists, async ({ query, principal }) => ({
  status: 200,
  body: { items: await listChecklists(ports, principal.agencyId, query) },
}));
