import { oversightRoutes as routes } from '#functions/oversight/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { overseen, statistics } from '#shared/supervision/use-cases/oversight.ts';

export const handler = httpHandler(routes.stats, async ({ query, principal }) => {
  const agencyId = overseen(principal, query.agencyId);
  return { status: 200, body: await statistics(ports, agencyId, query.from, query.to) };
});
