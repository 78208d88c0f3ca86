import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.listCases, async ({ query, principal }) => {
  const page = await ports.cases.list(principal.agencyId, query.limit, query.cursor);
  const items = query.status ? page.items.filter((record) => record.status === query.status) : page.items;
  return { status: 200, body: { ...page, items } };
});
