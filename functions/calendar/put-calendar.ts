import { routes } from '#functions/routes.ts';
import { ValidationFailed } from '#shared/errors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { loadYear } from '#shared/use-cases/calendar.ts';
import { recomputeDeadlines } from '#shared/use-cases/publications.ts';

export const handler = httpHandler(routes.putCalendar, async ({ params, body, principal }) => {
  const details = (['holidays', 'workdays'] as const).flatMap((field) =>
    body[field].flatMap((date, index) =>
      date.startsWith(`${params.year}-`)
        ? []
        : [{ path: `${field}.${index}`, message: `${date} 不在 ${params.year} 年` }],
    ),
  );
  if (details.length > 0) throw new ValidationFailed(details);
  const calendar = await loadYear(ports, principal, params.year, body);
  const { recomputed } = await recomputeDeadlines(ports, params.year);
  return { status: 200, body: { ...calendar, recomputed } };
});
