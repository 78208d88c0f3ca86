import { routes } from '#functions/routes.ts';
import { publicView } from '#shared/domain/checklists/checklist.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { publicEdition } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.publicChecklist, async ({ params, query }) => ({
  status: 200,
  body: publicView(await publicEdition(ports, params.agencyId, params.kind, query.at)),
}));
