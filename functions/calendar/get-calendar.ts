import { calendarRoutes as routes } from '#functions/calendar/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { yearCalendar } from '#shared/kernel/use-cases/calendar.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getCalendar, async ({ params }) => {
  const calendar = await yearCalendar(ports, params.year);
  if (!calendar)
    throw new NotFound(`${params.year} 年日历尚未载入`, [{ path: 'year', message: String(params.year) }]);
  return { status: 200, body: calendar };
});
