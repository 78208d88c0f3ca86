import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import { createDraft } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.importChecklist, async ({ body, principal }) => {
  const items = await (await import('#shared/render/xlsx/checklist-spreadsheet.ts')).importItems(
    body.kind,
    body.format,
    Buffer.from(body.content, 'base64'),
  );
  return {
    status: 201,
    body: await createDraft(ports, principal, { kind: body.kind, title: body.title, items }),
  };
});
