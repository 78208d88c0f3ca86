import { htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { homePage } from '#shared/render/site/home-page.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.siteHome, async ({ query }) => {
  const page = await ports.agencies.page({ limit: 50, cursor: query.cursor, nameContains: query.q });
  return htmlPage(
    homePage({ agencies: page.items, q: query.q, cursor: query.cursor, nextCursor: page.nextCursor }),
  );
});
