import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.putPushTarget, async ({ body, principal }) => {
  await ports.push.putTarget(principal.agencyId, body);
  return { status: 200, body: { url: body.url } };
});
