import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';

export const handler = httpHandler(routes.listPublications, async ({ query, principal }) => {
  const publications = await ports.publications.list(principal.agencyId);
  return {
    status: 200,
    body: {
      items: query.status
        ? publications.filter((publication) => publication.status === query.status)
        : publications,
    },
  };
});
