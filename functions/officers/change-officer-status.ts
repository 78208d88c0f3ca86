import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { changeOfficerStatus } from '#shared/use-cases/officers.ts';

export const handler = httpHandler(routes.changeOfficerStatus, async ({ params, body, principal }) => ({
  status: 200,
  body: await changeOfficerStatus(ports, principal, params.certificateNo, body),
}));
