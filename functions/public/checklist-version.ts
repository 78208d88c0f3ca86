import { publicRoutes as routes } from '#functions/public/routes.ts';
import { publicView } from '#shared/domain/checklists/checklist.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { editionByNumber } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.publicChecklistVersion, async ({ params }) => ({
  status: 200,
  body: publicView(await editionByNumber(ports, params.agencyId, params.kind, params.edition)),
}));
