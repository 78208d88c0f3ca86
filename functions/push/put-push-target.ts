import { pushRoutes as routes } from '#functions/push/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { setPushTarget } from '#shared/recording/use-cases/push.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.putPushTarget, async ({ body, principal }) => ({
  status: 200,
  body: await setPushTarget(ports, principal, body),
}));
