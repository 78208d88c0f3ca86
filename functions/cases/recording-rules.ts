import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { recordingRules } from '#shared/domain/cases/recording-rules.ts';
import type { ChecklistItem } from '#shared/domain/checklists/kinds.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { currentEdition } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.recordingRules, async ({ query, principal }) => {
  const list = await currentEdition(ports, principal.agencyId, 'av-matters');
  const stages = recordingRules(
    query.category,
    list?.items as ChecklistItem<'av-matters'>[] | undefined,
    query.majorProperty === 'true',
  );
  return { status: 200, body: { category: query.category, avMattersEdition: list?.edition ?? null, stages } };
});
