import { routes } from '#functions/routes.ts';
import { ValidationFailed } from '#shared/errors.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/store/repositories.ts';
import { overseen, statistics } from '#shared/use-cases/oversight.ts';

export const handler = httpHandler(routes.stats, async ({ query, principal }) => {
  if (query.to < query.from)
    throw new ValidationFailed([{ path: 'to', message: '结束日期不能早于开始日期' }]);
  const agencyId = overseen(principal, query.agencyId);
  return { status: 200, body: await statistics(ports, agencyId, query.from, query.to) };
});
