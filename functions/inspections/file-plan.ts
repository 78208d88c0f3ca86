import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { filePlan } from '#shared/inspections/use-cases/inspection-plans.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.fileInspectionPlan, async ({ params, body, principal }) => ({
  status: 200,
  body: await filePlan(ports, principal, params.year, body?.revision),
}));
