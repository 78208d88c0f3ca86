import { oversightRoutes as routes } from '#functions/oversight/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { ports } from '#shared/repositories.ts';
import { overseen, statistics } from '#shared/supervision/use-cases/oversight.ts';

export const handler = httpHandler(routes.exportStats, async ({ query, principal }) => {
  // Loaded on first use: the area's other routes start without it (docs/performance.md).
  const { statisticsWorkbook } = await import('#shared/render/xlsx/stats-workbook.ts');
  const agencyId = overseen(principal, query.agencyId);
  const [stats, profile] = await Promise.all([
    statistics(ports, agencyId, query.from, query.to),
    ports.agencies.get(agencyId),
  ]);
  return {
    status: 200,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    headers: { 'content-disposition': `attachment; filename="stats-${query.from}-${query.to}.xlsx"` },
    body: await statisticsWorkbook(stats, profile?.name ?? agencyId),
  };
});
