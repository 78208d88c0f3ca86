import { calendarRoutes as routes } from '#functions/calendar/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { ports } from '#shared/repositories.ts';

export const handler = httpHandler(routes.getRecomputation, async ({ params }) => {
  const job = await ports.recomputations.get(params.id);
  if (!job) throw new NotFound('重算任务不存在', [{ path: 'id', message: params.id }]);
  const { cursor: _cursor, ...progress } = job;
  return { status: 200, body: progress };
});
