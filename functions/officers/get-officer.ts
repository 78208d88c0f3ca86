import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getOfficer, officerView } from '#shared/organisation/use-cases/officers.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getOfficer, async ({ params, principal }) => ({
  status: 200,
  body: officerView(await getOfficer(ports, principal.agencyId, params.certificateNo), ports.now()),
}));
