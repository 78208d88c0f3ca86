import { evidenceRoutes as routes } from '#functions/evidence/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listDevices, async ({ query, principal }) => {
  const devices = await ports.devices.list(principal.agencyId);
  return {
    status: 200,
    body: { items: devices.filter((device) => query.unitId === undefined || device.unitId === query.unitId) },
  };
});
