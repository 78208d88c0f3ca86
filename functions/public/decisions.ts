import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { wantsPage } from '#shared/http/html.ts';
import { decisionsPage } from '#shared/render/site/decision-pages.ts';
import { ports } from '#shared/repositories.ts';

/** JSON for clients; a page for a browser. */
export const handler = httpHandler(routes.publicDecisions, async ({ params, query, headers }) => {
  const page = await ports.publications.publicRecords(params.agencyId, query.limit, query.cursor);
  const cache = { 'cache-control': 'no-store' };
  return wantsPage(headers)
    ? {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: decisionsPage({
          agencyId: params.agencyId,
          agencyName: (await ports.agencies.get(params.agencyId))?.name ?? params.agencyId,
          search: {},
          records: page.items,
          cursor: query.cursor,
          nextCursor: page.nextCursor,
        }),
        headers: cache,
      }
    : { status: 200, body: page, headers: cache };
});
