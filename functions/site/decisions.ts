import { agencyProfile, htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { decisionsPage } from '#shared/render/site/decision-pages.ts';
import { ports } from '#shared/repositories.ts';

/** The agency's decisions, searched by publication days, category and document number, 20 a page. */
export const handler = httpHandler(routes.siteDecisions, async ({ params, query }) => {
  const { cursor, ...search } = query;
  const [profile, page] = await Promise.all([
    agencyProfile(params.agencyId),
    ports.publications.publicRecords(params.agencyId, 20, cursor, search),
  ]);
  return htmlPage(
    decisionsPage({
      agencyId: params.agencyId,
      agencyName: profile.name,
      search,
      records: page.items,
      cursor,
      nextCursor: page.nextCursor,
    }),
  );
});
