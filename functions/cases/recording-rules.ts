import { casesRoutes as routes } from '#functions/cases/routes.ts';
import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { currentEdition } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { recordingRules } from '#shared/recording/domain/recording-rules.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.recordingRules, async ({ query, principal }) => {
  const list = await currentEdition(ports, principal.agencyId, 'av-matters');
  const stages = recordingRules(
    query.category,
    list?.items as ChecklistItem<'av-matters'>[] | undefined,
    query.majorProperty === 'true',
  );
  return { status: 200, body: { category: query.category, avMattersEdition: list?.edition ?? null, stages } };
});
