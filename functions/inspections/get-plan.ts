import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ownPlan } from '#shared/inspections/use-cases/inspection-plans.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getInspectionPlan, async ({ params, query, principal }) => ({
  status: 200,
  body: await ownPlan(ports, principal, params.year, query.version),
}));
