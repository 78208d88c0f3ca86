import { pushRoutes as routes } from '#functions/push/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { replay } from '#shared/recording/use-cases/push.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.replayDeadLetter, async ({ params, principal }) => ({
  status: 200,
  body: await replay(ports, principal, params.id),
}));
