import { agencyRoutes as routes } from '#functions/agency/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getAgency, async ({ principal }) => {
  const profile = await ports.agencies.get(principal.agencyId);
  if (!profile) throw new NotFound('本机关信息尚未登记');
  return { status: 200, body: profile };
});
