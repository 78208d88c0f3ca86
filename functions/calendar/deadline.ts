import { calendarRoutes as routes } from '#functions/calendar/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { deadline } from '#shared/kernel/use-cases/calendar.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.calendarDeadline, async ({ query }) => ({
  status: 200,
  body: await deadline(ports, query.from, query.workingDays),
}));
