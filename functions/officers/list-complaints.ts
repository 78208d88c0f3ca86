import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.listComplaints, async ({ query, principal }) => ({
  status: 200,
  body: await ports.complaints.list(principal.agencyId, query.limit, query.cursor),
}));
