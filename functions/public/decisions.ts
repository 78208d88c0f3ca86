import { decisionsPage } from '#functions/public/decisions-page.ts';
import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { wantsPage } from '#shared/http/html.ts';
import { ports } from '#shared/store/repositories.ts';

/** JSON for clients; a page for a browser. */
export const handler = httpHandler(routes.publicDecisions, async ({ params, query, headers }) => {
  const page = await ports.publications.publicRecords(params.agencyId, query.limit, query.cursor);
  const cache = { 'cache-control': 'no-store' };
  return wantsPage(headers)
    ? {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: decisionsPage(params.agencyId, page.items),
        headers: cache,
      }
    : { status: 200, body: page, headers: cache };
});
