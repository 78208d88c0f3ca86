import { calendarRoutes as routes } from '#functions/calendar/routes.ts';
import { runRecomputation, startRecomputation } from '#shared/decisions/use-cases/deadline-recompute.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ValidationFailed } from '#shared/kernel/errors.ts';
import { loadYear } from '#shared/kernel/use-cases/calendar.ts';
import { ports } from '#shared/repositories.ts';

/** How long the request itself recomputes; the `deadline-recompute` job finishes the rest. */
const IN_REQUEST_BUDGET_MS = 3_000;

export const handler = httpHandler(routes.putCalendar, async ({ params, body, principal }) => {
  const details = (['holidays', 'workdays'] as const).flatMap((field) =>
    body[field].flatMap((date, index) =>
      date.startsWith(`${params.year}-`)
        ? []
        : [{ path: `${field}.${index}`, message: `${date} 不在 ${params.year} 年` }],
    ),
  );
  // A day is a holiday or an adjusted working day, never both.
  const holidays = new Set(body.holidays);
  body.workdays.forEach((date, index) => {
    if (holidays.has(date)) details.push({ path: `workdays.${index}`, message: `${date} 已列为放假日期` });
  });
  if (details.length > 0) throw new ValidationFailed(details);
  const calendar = await loadYear(ports, principal, params.year, body);
  const started = await startRecomputation(ports, principal, calendar);
  const recomputed: string[] = [];
  const job = (await runRecomputation(ports, started.id, IN_REQUEST_BUDGET_MS, recomputed)) ?? started;
  return {
    status: 200,
    body: {
      ...calendar,
      recomputation: { id: job.id, status: job.status, processed: job.processed, changed: job.changed },
      recomputed,
    },
  };
});
