import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { registerOfficer } from '#shared/use-cases/officers.ts';

export const handler = httpHandler(routes.createOfficer, async ({ body, principal }) => ({
  status: 201,
  body: await registerOfficer(ports, principal, body),
}));
