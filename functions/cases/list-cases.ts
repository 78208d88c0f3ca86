import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { readsWholeAgency } from '#shared/use-cases/cases.ts';

/** The agency's cases for those who see the agency; their own unit's for everyone else. */
export const handler = httpHandler(routes.listCases, async ({ query, principal }) => {
  const unit = readsWholeAgency(principal) ? undefined : { unitId: principal.unitId };
  const page = await ports.cases.list(principal.agencyId, query.limit, query.cursor, unit);
  const items = query.status ? page.items.filter((record) => record.status === query.status) : page.items;
  return { status: 200, body: { ...page, items } };
});
