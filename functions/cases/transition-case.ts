import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { notePerformance } from '#shared/publicity/use-cases/publication-sweep.ts';
import { transitionCase } from '#shared/recording/use-cases/transition-case.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.transitionCase, async ({ params, body, principal }) => {
  const record = await transitionCase(ports, principal, params.id, body);
  if (record.status === 'executed') await notePerformance(ports, record);
  return { status: 200, body: record };
});
