import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { editChecklist } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.editChecklist, async ({ params, body, principal }) => {
  const edited = await editChecklist(ports, principal, params.id, body);
  return { status: edited.id === params.id ? 200 : 201, body: edited };
});
