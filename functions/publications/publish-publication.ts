import { publicationsRoutes as routes } from '#functions/publications/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { Conflict } from '#shared/kernel/errors.ts';
import { getPublication } from '#shared/publicity/use-cases/publication-access.ts';
import { publishByHand } from '#shared/publicity/use-cases/publish-decision.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.publishEarly, async ({ params, principal }) => {
  const published = await publishByHand(ports, principal, params.id);
  if (!published) {
    const publication = await getPublication(ports, principal.agencyId, params.id);
    throw new Conflict('该公示当前不能发布', [{ path: 'id', message: publication.status }]);
  }
  return { status: 200, body: published };
});
