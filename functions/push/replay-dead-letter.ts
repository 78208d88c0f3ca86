import { pushRoutes as routes } from '#functions/push/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { replay } from '#shared/use-cases/push.ts';

export const handler = httpHandler(routes.replayDeadLetter, async ({ params, principal }) => ({
  status: 200,
  body: await replay(ports, principal, params.id),
}));
