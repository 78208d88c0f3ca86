import { publicRoutes as routes } from '#functions/public/routes.ts';
import { publicView } from '#shared/domain/checklists/checklist.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { publicEdition, withLiveOfficerStatus } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.publicChecklist, async ({ params, query }) => {
  const edition = await publicEdition(ports, params.agencyId, params.kind, query.at);
  // The list in force shows today's certificate status (PUB-5); a past day shows what was published.
  return { status: 200, body: publicView(query.at ? edition : await withLiveOfficerStatus(ports, edition)) };
});
