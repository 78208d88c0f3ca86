import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.publicDecisions, async ({ params, query }) => ({
  status: 200,
  body: await ports.publications.publicRecords(params.agencyId, query.limit, query.cursor),
  headers: { 'cache-control': 'no-store' },
}));
