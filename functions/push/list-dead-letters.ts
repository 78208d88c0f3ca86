import { pushRoutes as routes } from '#functions/push/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listDeadLetters, async ({ principal }) => ({
  status: 200,
  body: { items: await ports.push.dead(principal.agencyId) },
}));
