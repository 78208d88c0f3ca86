import { checklistsRoutes as routes } from '#functions/checklists/routes.ts';
import type { ChecklistKind } from '#shared/checklists/domain/checklist-kinds.ts';
import { createDraft } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.createChecklist, async ({ body, principal }) => {
  const input = body as { kind: ChecklistKind; title: string; items?: unknown[] };
  return { status: 201, body: await createDraft(ports, principal, input) };
});
