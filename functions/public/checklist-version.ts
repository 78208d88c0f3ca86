import { publicRoutes as routes } from '#functions/public/routes.ts';
import { publicView } from '#shared/checklists/domain/checklist.ts';
import { editionByNumber } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.publicChecklistVersion, async ({ params }) => ({
  status: 200,
  body: publicView(await editionByNumber(ports, params.agencyId, params.kind, params.edition)),
}));
