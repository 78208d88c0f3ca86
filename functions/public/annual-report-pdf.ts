import { publicRoutes as routes } from '#functions/public/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { categoryLabels } from '#shared/organisation/domain/officer.ts';
import { ANNUAL_CATEGORIES } from '#shared/publicity/domain/annual-report.ts';
import { ports } from '#shared/repositories.ts';
import { annualReportView } from '#shared/supervision/use-cases/oversight.ts';

const statusNames = { published: '已发布', draft: '草稿（尚未发布）', overdue: '逾期未发布' } as const;

/** The annual enforcement data as a printable report with a chart (LAW-7). */
export const handler = httpHandler(routes.annualReportPdf, async ({ params, query }) => {
  // Loaded on first use: the area's other routes start without it (docs/performance.md).
  const { reportPdf } = await import('#shared/render/pdf/report.ts');
  const report = await annualReportView(ports, params.agencyId, params.year, query.version);
  const bars = ANNUAL_CATEGORIES.map((category) => ({
    label: categoryLabels[category],
    value: report.data[category],
  }));
  return {
    status: 200,
    contentType: 'application/pdf',
    headers: { 'content-disposition': `inline; filename="annual-${params.agencyId}-${params.year}.pdf"` },
    body: await reportPdf({
      title: `${report.agencyName} ${params.year} 年度行政执法数据`,
      subtitle: `${statusNames[report.status]}${report.version ? ` · 第 ${report.version} 版` : ''}${report.publishedAt ? ` · 发布于 ${report.publishedAt.slice(0, 10)}` : ''}`,
      rows: [
        ...bars.map((bar): [string, number] => [`${bar.label}决定（件）`, bar.value]),
        ['已公示', report.publications.published],
        ['已撤回', report.publications.withdrawn],
      ],
      chart: { title: '各类行政执法决定数量', bars },
      footer: '依据《行政处罚法》及行政执法公示制度，每年 1 月 31 日前公开上一年度行政执法数据；无则为 0。',
    }),
  };
});
