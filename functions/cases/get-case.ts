import { casesRoutes as routes } from '#functions/cases/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { readCase } from '#shared/recording/use-cases/case-access.ts';
import { caseAvGaps } from '#shared/recording/use-cases/case-activities.ts';
import { caseProcedure } from '#shared/recording/use-cases/procedure.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getCase, async ({ params, principal }) => {
  const record = await readCase(ports, principal, params.id);
  const [activities, records, evidence, procedure, avGaps] = await Promise.all([
    ports.cases.activities(principal.agencyId, params.id),
    ports.cases.documents(principal.agencyId, params.id),
    ports.evidence.forCase(principal.agencyId, params.id),
    caseProcedure(ports, record),
    caseAvGaps(ports, record),
  ]);
  return {
    status: 200,
    body: {
      ...record,
      procedure: procedure.procedure,
      procedureName: procedure.procedureName,
      steps: procedure.steps,
      missingSteps: procedure.missing.map((step) => step.step),
      avGaps,
      activities,
      records,
      // Object keys are for presigned retrieval only (REC-7), never handed out.
      evidence: evidence.map(({ key: _key, ...item }) => item),
    },
  };
});
