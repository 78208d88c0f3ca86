import { html } from 'htm/preact';
import { beijingTimeText } from '#shared/kernel/dates.ts';
import { categoryLabels } from '#shared/organisation/domain/officer.ts';
import { ANNUAL_CATEGORIES, type AnnualData } from '#shared/publicity/domain/annual-report.ts';
import { dataTable, facts } from '#shared/render/site/components.ts';
import { sitePage } from '#shared/render/site/layout.ts';
import { sitePaths } from '#shared/render/site/paths.ts';
import { barChart } from '#shared/render/svg/charts.ts';

export interface AnnualReportView {
  agencyId: string;
  agencyName: string;
  year: number;
  version: number | null;
  status: 'published' | 'draft' | 'overdue';
  publishedAt: string | null;
  data: AnnualData;
  publications?: { published: number; withdrawn: number } | undefined;
  correction?: string | undefined;
  versions: readonly { version: number; publishedAt: string; correction?: string | undefined }[];
}

const statusText = {
  published: '已发布',
  draft: '尚未发布（下列为截至目前的统计，发布后固定）',
  overdue: '逾期未发布（下列为截至目前的统计）',
};

/** 年度行政执法数据 (LAW-7): a chart and a table of the year's decisions by category, every version, and the PDF. */
export function annualReportPage(report: AnnualReportView): string {
  const rows = ANNUAL_CATEGORIES.map((category) => ({
    label: categoryLabels[category],
    value: report.data[category],
  }));
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  const { agencyId, year } = report;
  return sitePage(
    {
      title: `${report.agencyName} ${year} 年度行政执法数据`,
      description: `${report.agencyName}${year}年作出的行政许可、处罚、强制、征收、征用、检查等执法决定数量，共 ${total} 件`,
      crumbs: [{ label: report.agencyName, href: sitePaths.agency(agencyId) }, { label: `${year} 年度报告` }],
    },
    html`${facts([
      ['状态', statusText[report.status]],
      ['版本', report.version === null ? undefined : `第 ${report.version} 版`],
      ['发布时间', report.publishedAt ? `${beijingTimeText(report.publishedAt)}（北京时间）` : undefined],
      ['更正说明', report.correction],
      ['合计', `${total} 件`],
    ])}
      <h2>各类执法决定数量</h2>
      ${barChart(`${year} 年各类执法决定数量`, rows)}
      ${dataTable(
        '各类执法决定数量（件）',
        ['类别', '数量'],
        rows.map((row) => [row.label, String(row.value)]),
      )}
      ${report.publications && html`<p>当年发布公示 ${report.publications.published} 件，撤下 ${report.publications.withdrawn} 件。</p>`}
      ${report.version !== null && html`<p><a href=${sitePaths.annualReportPdf(agencyId, year, report.version)}>下载可打印的报告（PDF）</a></p>`}
      ${
        report.versions.length > 1 &&
        html`<h2>历次版本</h2>
          <ul class="links">
            ${report.versions.map(
              (item) =>
                html`<li><a href=${sitePaths.annualReport(agencyId, year, item.version)}>第 ${item.version} 版</a>，${beijingTimeText(item.publishedAt)}${item.correction ? `，更正：${item.correction}` : ''}</li>`,
            )}
          </ul>`
      }`,
  );
}
