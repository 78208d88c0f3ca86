import { officersRoutes as routes } from '#functions/officers/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.listTrainings, async ({ params, principal }) => ({
  status: 200,
  body: { items: await ports.trainings.forOfficer(principal.agencyId, params.certificateNo) },
}));
