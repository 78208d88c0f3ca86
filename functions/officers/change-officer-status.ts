import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { changeOfficerStatus } from '#shared/organisation/use-cases/officers.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.changeOfficerStatus, async ({ params, body, principal }) => ({
  status: 200,
  body: await changeOfficerStatus(ports, principal, params.certificateNo, body),
}));
