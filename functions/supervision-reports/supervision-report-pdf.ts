import { supervisionReportsRoutes as routes } from '#functions/supervision-reports/routes.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { beijingTimeText } from '#shared/kernel/dates.ts';
import { ports } from '#shared/repositories.ts';
import {
  supervisionReportBars,
  supervisionReportLines,
} from '#shared/supervision/domain/supervision-report.ts';
import { supervisionReportView } from '#shared/supervision/use-cases/supervision-report.ts';

/** The yearly supervision report as a printable report with a chart (SUP-6). */
export const handler = httpHandler(routes.supervisionReportPdf, async ({ params }) => {
  // Loaded on first use, as the annual report's PDF (docs/performance.md).
  const { reportPdf } = await import('#shared/render/pdf/report.ts');
  const report = await supervisionReportView(ports, params.agencyId, params.year);
  return {
    status: 200,
    contentType: 'application/pdf',
    headers: {
      'content-disposition': `inline; filename="supervision-${params.agencyId}-${params.year}.pdf"`,
    },
    body: await reportPdf({
      title: `${report.bodyName} ${report.year} 年度行政执法监督报告`,
      subtitle: `已发布 · 发布于 ${beijingTimeText(report.publishedAt)}（北京时间）`,
      rows: supervisionReportLines(report),
      chart: { title: '监督事项来源', bars: supervisionReportBars(report) },
      footer:
        '数据由平台按当年的监督事项、监督文书、整改、投诉举报和案卷评查记录自动生成，次年 1 月 2 日发布后固定；不含个人信息。',
    }),
  };
});
