import { inspectionsRoutes as routes } from '#functions/inspections/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { draftPlan } from '#shared/inspections/use-cases/inspection-plans.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.draftInspectionPlan, async ({ params, body, principal }) => ({
  status: 200,
  body: await draftPlan(ports, principal, params.year, body),
}));
