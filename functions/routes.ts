import '#shared/zod-locale.ts';
import { accountsRoutes } from '#functions/accounts/routes.ts';
import { agencyRoutes } from '#functions/agency/routes.ts';
import { alertsRoutes } from '#functions/alerts/routes.ts';
import { calendarRoutes } from '#functions/calendar/routes.ts';
import { casesRoutes } from '#functions/cases/routes.ts';
import { checklistsRoutes } from '#functions/checklists/routes.ts';
import { complaintsRoutes } from '#functions/complaints/routes.ts';
import { evaluationsRoutes } from '#functions/evaluations/routes.ts';
import { evidenceRoutes } from '#functions/evidence/routes.ts';
import { inspectionsRoutes } from '#functions/inspections/routes.ts';
import { officersRoutes } from '#functions/officers/routes.ts';
import { oversightRoutes } from '#functions/oversight/routes.ts';
import { publicRoutes } from '#functions/public/routes.ts';
import { publicationsRoutes } from '#functions/publications/routes.ts';
import { pushRoutes } from '#functions/push/routes.ts';
import { reviewsRoutes } from '#functions/reviews/routes.ts';
import { siteRoutes } from '#functions/site/routes.ts';
import { supervisionRoutes } from '#functions/supervision/routes.ts';

/**
 * The route table: API Gateway routes (infra/constructs/api.ts), the local server
 * (local/api-server.ts), validation, roles and the OpenAPI document all come from here.
 * Each area's routes are declared beside its handlers, in `functions/{area}/routes.ts`, and a
 * handler imports its own area's table, not this one: a function evaluates only its area's routes.
 */
export const routes = {
  ...accountsRoutes,
  ...agencyRoutes,
  ...alertsRoutes,
  ...calendarRoutes,
  ...casesRoutes,
  ...checklistsRoutes,
  ...complaintsRoutes,
  ...evaluationsRoutes,
  ...evidenceRoutes,
  ...inspectionsRoutes,
  ...officersRoutes,
  ...oversightRoutes,
  ...publicRoutes,
  ...publicationsRoutes,
  ...pushRoutes,
  ...reviewsRoutes,
  ...siteRoutes,
  ...supervisionRoutes,
};

export const routeTable = Object.values(routes);
