import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { readCase } from '#shared/recording/use-cases/case-access.ts';
import { getEvidence } from '#shared/recording/use-cases/evidence.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getEvidence, async ({ params, principal }) => {
  const { key: _key, ...evidence } = await getEvidence(ports, principal.agencyId, params.id);
  await readCase(ports, principal, evidence.caseId);
  return { status: 200, body: evidence };
});
