import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { publishedPlan } from '#shared/inspections/use-cases/inspection-plans.ts';
import { ports } from '#shared/repositories.ts';

/** An agency's filed annual inspection plan, as published (INS-2). */
export const handler = httpHandler(routes.publicInspectionPlan, async ({ params, query }) => ({
  status: 200,
  body: await publishedPlan(ports, params.agencyId, params.year, query.version),
  headers: { 'cache-control': 'public, max-age=60' },
}));
