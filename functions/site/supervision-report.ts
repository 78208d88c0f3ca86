import { htmlPage } from '#functions/site/page-result.ts';
import { siteRoutes as routes } from '#functions/site/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { supervisionReportPage } from '#shared/render/site/supervision-report-page.ts';
import { ports } from '#shared/repositories.ts';
import { supervisionReportView } from '#shared/supervision/use-cases/supervision-report.ts';

export const handler = httpHandler(routes.siteSupervisionReport, async ({ params }) =>
  htmlPage(supervisionReportPage(await supervisionReportView(ports, params.agencyId, params.year))),
);
