import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { recordTraining } from '#shared/organisation/use-cases/officers.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.recordTraining, async ({ params, body, principal }) => ({
  status: 201,
  body: await recordTraining(ports, principal, params.certificateNo, body),
}));
