import { html } from 'htm/preact';
import type { ComponentChildren } from 'preact';

/**
 * A table; on a phone each row of a wide one (more than three columns) becomes a card whose cells carry their column's heading (from
 * `data-label`), so no column is squeezed to two characters. Wider screens see the table.
 */
export function dataTable(
  caption: string,
  headings: readonly string[],
  rows: readonly ComponentChildren[][],
) {
  // Focusable, so a keyboard user can scroll a wide table too.
  const stacked = headings.length > 3;
  return html`<div class=${stacked ? 'table-wrap stacked' : 'table-wrap'} tabindex="0" role="region" aria-label=${caption}>
    <table>
      <caption class="sr-only">${caption}</caption>
      <thead>
        <tr>${headings.map((heading) => html`<th scope="col">${heading}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>${row.map((cell, index) => html`<td data-label=${headings[index]}>${cell}</td>`)}</tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Label and value pairs; pairs without a value are left out. */
export function facts(pairs: readonly [string, ComponentChildren][]) {
  return html`<dl class="facts">
    ${pairs
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
  </dl>`;
}

/** The next page of a keyed list (there is no "page 7 of 90": the list is read a page at a time). */
export function pager(first: string | undefined, next: string | undefined) {
  if (!first && !next) return null;
  return html`<nav class="pager" aria-label="翻页">
    ${first ? html`<a href=${first}>回到第一页</a>` : html`<span></span>`}
    ${next ? html`<a href=${next} rel="next">下一页</a>` : null}
  </nav>`;
}

export const empty = (text: string) => html`<p class="muted">${text}</p>`;
