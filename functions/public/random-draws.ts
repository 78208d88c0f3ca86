import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

/** The agency's latest random draws, as drawn (PUB-15). */
export const handler = httpHandler(routes.publicDraws, async ({ params }) => {
  const draws = await ports.randomDraws.latest(params.agencyId, 50);
  return {
    status: 200,
    body: { items: draws.map(({ drawnBy: _account, ...draw }) => draw) },
    headers: { 'cache-control': 'public, max-age=60' },
  };
});
