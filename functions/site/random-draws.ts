import { agencyProfile, htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { randomDrawsPage } from '#shared/render/site/random-draws-page.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.siteRandomDraws, async ({ params }) => {
  const [profile, draws] = await Promise.all([
    agencyProfile(params.agencyId),
    ports.randomDraws.latest(params.agencyId, 50),
  ]);
  return htmlPage(randomDrawsPage({ agencyId: params.agencyId, agencyName: profile.name, draws }));
});
