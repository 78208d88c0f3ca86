import { publicRoutes as routes } from '#functions/public/routes.ts';
import { publicView } from '#shared/checklists/domain/checklist.ts';
import { publicEdition, withLiveOfficerStatus } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.publicChecklist, async ({ params, query }) => {
  const edition = await publicEdition(ports, params.agencyId, params.kind, query.at);
  // The list in force shows today's certificate status (PUB-5); a past day shows what was published.
  return { status: 200, body: publicView(query.at ? edition : await withLiveOfficerStatus(ports, edition)) };
});
