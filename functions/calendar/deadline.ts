import { calendarRoutes as routes } from '#functions/calendar/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { deadline } from '#shared/use-cases/calendar.ts';

export const handler = httpHandler(routes.calendarDeadline, async ({ query }) => ({
  status: 200,
  body: await deadline(ports, query.from, query.workingDays),
}));
