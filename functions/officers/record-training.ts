import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { recordTraining } from '#shared/use-cases/officers.ts';

export const handler = httpHandler(routes.recordTraining, async ({ params, body, principal }) => ({
  status: 201,
  body: await recordTraining(ports, principal, params.certificateNo, body),
}));
