import { publicRoutes as routes } from '#functions/public/routes.ts';
import { diffEditions } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.publicChecklistDiff, async ({ params, query }) => ({
  status: 200,
  body: await diffEditions(ports, params.agencyId, params.kind, query.from, query.to),
}));
