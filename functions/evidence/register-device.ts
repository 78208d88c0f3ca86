import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { registerDevice } from '#shared/recording/use-cases/devices.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.registerDevice, async ({ body, principal }) => ({
  status: 200,
  body: await registerDevice(ports, principal, body),
}));
