import { html } from 'htm/preact';
import type { ErrorDetail } from '#shared/kernel/errors.ts';
import { sitePage } from '#shared/render/site/layout.ts';

const titles: Record<number, string> = {
  400: '请求有误',
  404: '未找到',
  409: '需要进一步确认',
  429: '访问过于频繁',
};

/** The site's inputs (path segments and query fields of functions/site/routes.ts) by the names people know them by. */
const FIELD_LABELS: Record<string, string> = {
  agencyId: '执法机关',
  kind: '清单类别',
  edition: '清单版本',
  from: '开始日期',
  to: '结束日期',
  category: '执法类别',
  documentNo: '文号',
  cursor: '页码',
  q: '搜索词',
  id: '决定编号',
  receipt: '投诉回执码',
  year: '年度',
  version: '版本',
  verificationCode: '核验码',
  certificateNo: '执法证号',
};

/** A detail in words: the field's label before its message; a field the site does not name is not shown. */
function detailText(detail: ErrorDetail): string {
  const label = FIELD_LABELS[detail.path.split('.')[0] ?? ''];
  return label ? `${label}：${detail.message}` : detail.message;
}

/**
 * A page of the site that could not be shown: what went wrong, in words, each wrong field by its
 * label. The error's code is for programs (the API answers it); people do not read codes.
 */
export function errorPage(status: number, error: { message: string; details: ErrorDetail[] }): string {
  const title = titles[status] ?? '暂时无法显示';
  return sitePage(
    { title, description: error.message },
    html`<p>${error.message}</p>
      ${error.details.length > 0 && html`<ul>${error.details.map((detail) => html`<li>${detailText(detail)}</li>`)}</ul>`}
      <p><a href="/">返回首页</a></p>`,
  );
}
