import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { retrieveEvidence } from '#shared/use-cases/evidence.ts';

export const handler = httpHandler(routes.retrieveEvidence, async ({ params, body, principal }) => ({
  status: 201,
  body: await retrieveEvidence(ports, principal, params.id, body),
}));
