import { alertsRoutes as routes } from '#functions/alerts/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { liveAlerts } from '#shared/supervision/use-cases/alerts.ts';

export const handler = httpHandler(routes.liveAlerts, async ({ query, principal }) => ({
  status: 200,
  body: await liveAlerts(ports, principal, query.agencyId),
}));
