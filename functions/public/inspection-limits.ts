import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { inspectionLimits } from '#shared/inspections/use-cases/inspections.ts';

/** The yearly limits of inspections of one enterprise, as published (INS-3). */
export const handler = httpHandler(routes.inspectionLimits, async () => ({
  status: 200,
  body: inspectionLimits(),
  headers: { 'cache-control': 'public, max-age=300' },
}));
