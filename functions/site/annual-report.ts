import { agencyProfile, htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { annualReportPage } from '#shared/render/site/annual-report-page.ts';
import { ports } from '#shared/repositories.ts';
import { annualReportView } from '#shared/supervision/use-cases/oversight.ts';

export const handler = httpHandler(routes.siteAnnualReport, async ({ params, query }) => {
  await agencyProfile(params.agencyId);
  const report = await annualReportView(ports, params.agencyId, params.year, query.version);
  return htmlPage(annualReportPage(report));
});
