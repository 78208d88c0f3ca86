import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { supervisedPlan } from '#shared/inspections/use-cases/inspection-plans.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.supervisedInspectionPlan, async ({ query, principal }) => ({
  status: 200,
  body: await supervisedPlan(ports, principal, query.agencyId, query.year, query.version),
}));
