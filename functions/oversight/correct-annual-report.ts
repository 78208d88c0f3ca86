import { oversightRoutes as routes } from '#functions/oversight/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { publishAnnualReport } from '#shared/supervision/use-cases/oversight.ts';

export const handler = httpHandler(routes.correctAnnualReport, async ({ params, body, principal }) => ({
  status: 201,
  body: await publishAnnualReport(ports, principal, principal.agencyId, params.year, body.reason),
}));
