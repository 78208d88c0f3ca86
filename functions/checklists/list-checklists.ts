import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { listChecklists } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listChecklists, async ({ query, principal }) => ({
  status: 200,
  body: { items: await listChecklists(ports, principal.agencyId, query) },
}));
