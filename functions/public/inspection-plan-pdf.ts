import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { publishedPlan } from '#shared/inspections/use-cases/inspection-plans.ts';
import { ports } from '#shared/repositories.ts';

/** An agency's filed annual inspection plan as its printed document (INS-2). */
export const handler = httpHandler(routes.publicInspectionPlanPdf, async ({ params, query }) => {
  const plan = await publishedPlan(ports, params.agencyId, params.year, query.version);
  const agencyName = (await ports.agencies.get(params.agencyId))?.name ?? params.agencyId;
  const { inspectionPlanPdf } = await import('#shared/render/pdf/inspection-plan.ts');
  return {
    status: 200,
    contentType: 'application/pdf',
    headers: {
      'content-disposition': `inline; filename="inspection-plan-${plan.year}-v${plan.version}.pdf"`,
      'cache-control': 'public, max-age=60',
    },
    body: await inspectionPlanPdf(plan, agencyName),
  };
});
