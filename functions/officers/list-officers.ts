import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { officerView } from '#shared/organisation/use-cases/officers.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listOfficers, async ({ query, principal }) => {
  const page = await ports.officers.list(principal.agencyId, query.limit, query.cursor);
  const now = ports.now();
  return { status: 200, body: { ...page, items: page.items.map((officer) => officerView(officer, now)) } };
});
