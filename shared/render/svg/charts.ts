import { html } from 'htm/preact';

/**
 * A horizontal bar chart as inline SVG, drawn on the server: one bar per row, its value written
 * beside it, and the whole described for screen readers.
 */
export function barChart(title: string, rows: readonly { label: string; value: number }[]) {
  const rowHeight = 28;
  const labelWidth = 96;
  const barWidth = 200;
  const width = labelWidth + barWidth + 60;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((row) => row.value));
  const description = rows.map((row) => `${row.label} ${row.value}`).join('，');
  return html`<svg class="chart" role="img" aria-label=${`${title}：${description}`} viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} xmlns="http://www.w3.org/2000/svg">
    ${rows.map((row, index) => {
      const y = index * rowHeight + 4;
      const length = Math.round((row.value / max) * barWidth);
      return html`<g>
        <text x=${labelWidth - 8} y=${y + 17} text-anchor="end" font-size="14" fill="#1f2328">${row.label}</text>
        <rect x=${labelWidth} y=${y + 4} width=${Math.max(length, 1)} height=${rowHeight - 10} fill="#a4161a" rx="2"></rect>
        <text x=${labelWidth + Math.max(length, 1) + 6} y=${y + 17} font-size="14" fill="#1f2328">${row.value}</text>
      </g>`;
    })}
  </svg>`;
}
