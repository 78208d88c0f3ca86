import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { Conflict } from '#shared/errors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { getPublication } from '#shared/use-cases/publication-access.ts';
import { publishByHand } from '#shared/use-cases/publish-decision.ts';

export const handler = httpHandler(routes.publishEarly, async ({ params, principal }) => {
  const published = await publishByHand(ports, principal, params.id);
  if (!published) {
    const publication = await getPublication(ports, principal.agencyId, params.id);
    throw new Conflict('该公示当前不能发布', [{ path: 'id', message: publication.status }]);
  }
  return { status: 200, body: published };
});
