import { html } from 'htm/preact';
import { beijingTimeText } from '#shared/kernel/dates.ts';
import { dataTable, facts } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';
import { barChart } from '#shared/render/svg/charts.ts';
import {
  type SupervisionReport,
  supervisionReportBars,
  supervisionReportLines,
} from '#shared/supervision/domain/supervision-report.ts';

/**
 * 年度行政执法监督报告 (SUP-6), in the style of the agencies' annual reports: the year's figures,
 * a chart of the matters' sources, each supervised agency's row, the evaluation ranking and the
 * PDF. Counts, names of agencies and document numbers only.
 */
export function supervisionReportPage(report: SupervisionReport): string {
  const { bodyId, bodyName, year } = report;
  return sitePage(
    {
      title: `${bodyName} ${year} 年度行政执法监督报告`,
      description: `${bodyName}${year}年立监督事项 ${report.matters.opened} 件、办结 ${report.matters.closed} 件，制发监督文书 ${report.opinions.total} 份，收到投诉举报 ${report.complaints.received} 件`,
      crumbs: [{ label: bodyName }, { label: `${year} 年度监督报告` }],
    },
    html`${facts([
      ['状态', '已发布（发布后固定）'],
      ['发布时间', `${beijingTimeText(report.publishedAt)}（北京时间）`],
      ['监督的执法机关', `${report.agencies.length} 个`],
    ])}
      <h2>全年监督工作</h2>
      ${dataTable(
        '全年监督工作数据',
        ['项目', '数量'],
        supervisionReportLines(report).map(([label, value]) => [label, String(value)]),
      )}
      <h2>监督事项来源</h2>
      ${barChart(`${year} 年监督事项来源`, supervisionReportBars(report))}
      <h2>各执法机关</h2>
      ${
        report.agencies.length === 0
          ? html`<p>本年度没有监督记录。</p>`
          : dataTable(
              '各执法机关监督情况',
              [
                '执法机关',
                '立监督事项',
                '办结',
                '监督文书',
                '整改报告',
                '逾期未整改',
                '收到投诉',
                '按期答复',
                '逾期答复',
              ],
              report.agencies.map((agency) => [
                html`<a href=${sitePaths.agency(agency.agencyId)}>${agency.agencyName}</a>`,
                String(agency.mattersOpened),
                String(agency.mattersClosed),
                String(agency.opinionsIssued),
                String(agency.rectificationsReported),
                String(agency.rectificationsOverdue),
                String(agency.complaintsReceived),
                String(agency.complaintsAnsweredOnTime),
                String(agency.complaintsAnsweredLate),
              ]),
            )
      }
      <h2>案卷评查排名</h2>
      ${
        report.evaluations.ranking.length === 0
          ? html`<p>本年度没有已评分的案卷评查。</p>`
          : dataTable(
              '案卷评查排名',
              ['名次', '执法机关', '平均分', '评分案卷', '不合格'],
              report.evaluations.ranking.map((row) => [
                String(row.rank),
                row.agencyName,
                String(row.average),
                String(row.scored),
                String(row.failed),
              ]),
            )
      }
      ${
        report.rectifications.overdueDocuments.length > 0 &&
        html`<h2>发布时逾期未整改的监督文书</h2>
          <ul class="links">
            ${report.rectifications.overdueDocuments.map(
              (row) =>
                html`<li>${row.number}，${report.agencies.find((agency) => agency.agencyId === row.agencyId)?.agencyName ?? ''}，整改期限 ${row.rectifyBy}</li>`,
            )}
          </ul>`
      }
      <p><a href=${sitePaths.supervisionReportPdf(bodyId, year)}>下载可打印的报告（PDF）</a></p>`,
  );
}
