import { penaltyLabels } from '#shared/domain/checklists/kinds.ts';
import type { PublicRecord } from '#shared/domain/public-record.ts';
import { escapeHtml } from '#shared/http/html.ts';

const penaltyText = (penalty: PublicRecord['penalty']) =>
  penalty
    ? `${(penaltyLabels as Record<string, string>)[penalty.kind] ?? penalty.kind}${penalty.amount !== undefined ? ` ${penalty.amount} 元` : ''}`
    : '—';

/** The public list of an agency's published decisions (行政执法决定公示), for browsers. */
export function decisionsPage(agencyId: string, records: readonly PublicRecord[]): string {
  const agencyName = records[0]?.agencyName ?? agencyId;
  const rows = records
    .map(
      (record) => `<tr>
<td>${escapeHtml(record.publishedOn)}</td>
<td>${escapeHtml(record.categoryName)}</td>
<td>${escapeHtml(record.party.name)}</td>
<td>${escapeHtml(record.conclusion)}</td>
<td>${escapeHtml(record.legalBasis)}</td>
<td>${escapeHtml(penaltyText(record.penalty))}</td>
<td>${escapeHtml(record.decidedOn)}</td>
<td>${record.performance ? `已履行（${escapeHtml(record.performance.on)}）` : '—'}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(agencyName)} 行政执法决定公示</title>
<style>body{font-family:sans-serif;margin:1rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}th{background:#f3f3f3}</style></head>
<body>
<h1>${escapeHtml(agencyName)} 行政执法决定公示</h1>
${
  records.length === 0
    ? '<p>暂无公示的行政执法决定。</p>'
    : `<table><thead><tr><th>公示日期</th><th>类别</th><th>当事人</th><th>决定内容</th><th>依据</th><th>处罚</th><th>决定日期</th><th>履行情况</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
}
<p>依法不予公开的信息已作处理；自然人姓名已隐去。</p>
</body></html>`;
}
