import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { retrieveEvidence } from '#shared/recording/use-cases/evidence.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.retrieveEvidence, async ({ params, body, principal }) => ({
  status: 201,
  body: await retrieveEvidence(ports, principal, params.id, body),
}));
