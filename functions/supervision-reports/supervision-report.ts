import { supervisionReportsRoutes as routes } from '#functions/supervision-reports/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { supervisionReportView } from '#shared/supervision/use-cases/supervision-report.ts';

export const handler = httpHandler(routes.supervisionReport, async ({ params }) => ({
  status: 200,
  body: await supervisionReportView(ports, params.agencyId, params.year),
}));
