import { html } from 'htm/preact';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { stylesheet } from '#shared/render/site/stylesheet.ts';

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageMeta {
  /** The page's own title; the platform's name follows it in the window title. */
  title: string;
  description: string;
  crumbs?: readonly Crumb[];
  /** Feeds a reader can subscribe to from this page (<link rel="alternate">). */
  feeds?: readonly { href: string; type: string; title: string }[];
}

export const SITE_NAME = '行政执法公示平台';

/**
 * One layout for every page of the public site: server-rendered HTML that works without
 * JavaScript, in Chinese, with a title, a description and one h1. Text is escaped by Preact.
 */
export function sitePage(meta: PageMeta, body: ComponentChildren): string {
  const crumbs = meta.crumbs ?? [];
  return `<!doctype html>${renderToString(html`
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>${meta.title === SITE_NAME ? SITE_NAME : `${meta.title} - ${SITE_NAME}`}</title>
        <meta name="description" content=${meta.description} />
        ${(meta.feeds ?? []).map(
          (feed) => html`<link rel="alternate" type=${feed.type} title=${feed.title} href=${feed.href} />`,
        )}
        <style dangerouslySetInnerHTML=${{ __html: stylesheet }}></style>
      </head>
      <body>
        <header class="site"><a href="/">${SITE_NAME}</a></header>
        <main>
          ${
            crumbs.length > 0 &&
            html`<nav class="crumbs" aria-label="位置">
              <ol>
                <li><a href="/">首页</a></li>
                ${crumbs.map((crumb) => html`<li>${crumb.href ? html`<a href=${crumb.href}>${crumb.label}</a>` : crumb.label}</li>`)}
              </ol>
            </nav>`
          }
          <h1>${meta.title}</h1>
          ${body}
        </main>
        <footer class="site">
          <p>依据《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》公开。依法不予公开的信息已作处理，自然人姓名已隐去。</p>
        </footer>
      </body>
    </html>
  `)}`;
}
