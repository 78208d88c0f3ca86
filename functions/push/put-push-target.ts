import { pushRoutes as routes } from '#functions/push/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { setPushTarget } from '#shared/use-cases/push.ts';

export const handler = httpHandler(routes.putPushTarget, async ({ body, principal }) => ({
  status: 200,
  body: await setPushTarget(ports, principal, body),
}));
