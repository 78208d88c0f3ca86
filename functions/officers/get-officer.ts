import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { getOfficer, officerView } from '#shared/use-cases/officers.ts';

export const handler = httpHandler(routes.getOfficer, async ({ params, principal }) => ({
  status: 200,
  body: officerView(await getOfficer(ports, principal.agencyId, params.certificateNo), ports.now()),
}));
