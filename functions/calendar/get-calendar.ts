import { calendarRoutes as routes } from '#functions/calendar/routes.ts';
import { NotFound } from '#shared/errors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { yearCalendar } from '#shared/use-cases/calendar.ts';

export const handler = httpHandler(routes.getCalendar, async ({ params }) => {
  const calendar = await yearCalendar(ports, params.year);
  if (!calendar)
    throw new NotFound(`${params.year} 年日历尚未载入`, [{ path: 'year', message: String(params.year) }]);
  return { status: 200, body: calendar };
});
