import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { overdueItems, overseen } from '#shared/use-cases/oversight.ts';

export const handler = httpHandler(routes.overdue, async ({ query, principal }) => ({
  status: 200,
  body: await overdueItems(ports, overseen(principal, query.agencyId)),
}));
