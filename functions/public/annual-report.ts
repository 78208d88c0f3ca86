import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { annualReportView } from '#shared/supervision/use-cases/oversight.ts';

export const handler = httpHandler(routes.annualReport, async ({ params, query }) => ({
  status: 200,
  body: await annualReportView(ports, params.agencyId, params.year, query.version),
}));
