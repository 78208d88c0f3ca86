import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { publicEditions } from '#shared/use-cases/checklists.ts';

export const handler = httpHandler(routes.publicChecklistVersions, async ({ params }) => ({
  status: 200,
  body: { items: await publicEditions(ports, params.agencyId, params.kind) },
}));
