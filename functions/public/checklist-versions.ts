import { publicRoutes as routes } from '#functions/public/routes.ts';
import { publicEditions } from '#shared/checklists/use-cases/checklists.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.publicChecklistVersions, async ({ params }) => ({
  status: 200,
  body: { items: await publicEditions(ports, params.agencyId, params.kind) },
}));
