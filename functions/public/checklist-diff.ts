import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { diffEditions } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.publicChecklistDiff, async ({ params, query }) => ({
  status: 200,
  body: await diffEditions(ports, params.agencyId, params.kind, query.from, query.to),
}));
