import { oversightRoutes as routes } from '#functions/oversight/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { statisticsRows } from '#shared/render/statistics-rows.ts';
import { ports } from '#shared/repositories.ts';
import { overseen, statistics } from '#shared/supervision/use-cases/oversight.ts';

/** The periodic evaluation of the three systems (总结评估, ORG-1) for any period, as a PDF. */
export const handler = httpHandler(routes.evaluationReport, async ({ query, principal }) => {
  // Loaded on first use: the area's other routes start without it (docs/performance.md).
  const { reportPdf } = await import('#shared/render/pdf/report.ts');
  const agencyId = overseen(principal, query.agencyId);
  const [stats, profile] = await Promise.all([
    statistics(ports, agencyId, query.from, query.to),
    ports.agencies.get(agencyId),
  ]);
  const name = profile?.name ?? agencyId;
  return {
    status: 200,
    contentType: 'application/pdf',
    headers: { 'content-disposition': `inline; filename="evaluation-${query.from}-${query.to}.pdf"` },
    body: await reportPdf({
      title: `${name} 行政执法三项制度执行情况评估`,
      subtitle: `${query.from} 至 ${query.to}`,
      rows: statisticsRows(stats),
      chart: {
        title: '三项制度执行情况',
        bars: [
          { label: '立案', value: stats.cases.registered },
          { label: '作出决定', value: stats.publications.decisions },
          { label: '已公示', value: stats.publications.published },
          { label: '按期公示', value: stats.publications.publishedOnTime },
          { label: '法制审核', value: stats.reviews.submitted },
          { label: '须音像记录', value: stats.av.activitiesNeedingAv },
          { label: '已音像记录', value: stats.av.covered },
        ],
      },
      footer: '本报告由平台根据执法记录自动生成 (ORG-1)。',
    }),
  };
});
