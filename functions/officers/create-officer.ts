import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { registerOfficer } from '#shared/organisation/use-cases/officers.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.createOfficer, async ({ body, principal }) => ({
  status: 201,
  body: await registerOfficer(ports, principal, body),
}));
