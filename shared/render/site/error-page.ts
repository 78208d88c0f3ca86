import { html } from 'htm/preact';
import type { ErrorDetail } from '#shared/kernel/errors.ts';
import { sitePage } from '#shared/render/site/layout.ts';

const titles: Record<number, string> = {
  400: '请求有误',
  404: '未找到',
  409: '需要进一步确认',
  429: '访问过于频繁',
};

/** A page of the site that could not be shown: what went wrong, in the words of the error format. */
export function errorPage(
  status: number,
  error: { code: string; message: string; details: ErrorDetail[] },
): string {
  const title = titles[status] ?? '暂时无法显示';
  return sitePage(
    { title, description: error.message },
    html`<p>${error.message}</p>
      ${error.details.length > 0 && html`<ul>${error.details.map((detail) => html`<li>${detail.path}：${detail.message}</li>`)}</ul>`}
      <p class="muted">错误代码 ${error.code}</p>
      <p><a href="/">返回首页</a></p>`,
  );
}
