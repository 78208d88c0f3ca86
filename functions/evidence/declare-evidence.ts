import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { declareEvidence } from '#shared/use-cases/evidence.ts';

export const handler = httpHandler(routes.declareEvidence, async ({ params, body, principal }) => ({
  status: 201,
  body: await declareEvidence(ports, principal, params.id, body),
}));
