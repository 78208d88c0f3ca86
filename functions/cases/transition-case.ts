import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { notePerformance } from '#shared/use-cases/publication-sweep.ts';
import { transitionCase } from '#shared/use-cases/transition-case.ts';

export const handler = httpHandler(routes.transitionCase, async ({ params, body, principal }) => {
  const record = await transitionCase(ports, principal, params.id, body);
  if (record.status === 'executed') await notePerformance(ports, record);
  return { status: 200, body: record };
});
