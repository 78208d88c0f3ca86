import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { registerDevice } from '#shared/use-cases/devices.ts';

export const handler = httpHandler(routes.registerDevice, async ({ body, principal }) => ({
  status: 200,
  body: await registerDevice(ports, principal, body),
}));
