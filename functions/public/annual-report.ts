import { routes } from '#functions/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { annualReport } from '#shared/use-cases/oversight.ts';

export const handler = httpHandler(routes.annualReport, async ({ params }) => ({
  status: 200,
  body: await annualReport(ports, params.agencyId, params.year),
}));
