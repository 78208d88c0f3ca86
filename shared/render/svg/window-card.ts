import { escapeMarkup } from '#shared/render/escape.ts';

/** The service-window staff card (窗口公示牌, PUB-8): what it shows, and its printable SVG. */
export interface WindowCard {
  window: string;
  agencyName: string;
  unit: string;
  name: string;
  position: string;
  enforcementTypes: string[];
  serviceItems: string[];
  /** The certificate's verification QR code, a standalone SVG document. */
  qrSvg: string;
}

const WIDTH = 900;
const MAX_ITEMS_SHOWN = 8;

/** A 900-wide card; the QR code is nested as an inner SVG, so the file prints on its own. */
export function windowCardSvg(card: WindowCard): string {
  const items = card.serviceItems.slice(0, MAX_ITEMS_SHOWN);
  const more = card.serviceItems.length - items.length;
  const itemLines = items.length + (more > 0 ? 1 : 0);
  const height = Math.max(380, 340 + (itemLines - 1) * 32 + 36);
  const text = (x: number, y: number, size: number, content: string, weight = 'normal') =>
    `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}">${escapeMarkup(content)}</text>`;
  const lines = [
    text(40, 70, 36, `${card.agencyName} · ${card.window}`, 'bold'),
    text(40, 130, 30, `姓名：${card.name}`),
    text(40, 175, 26, `单位：${card.unit}`),
    text(40, 215, 26, `职务：${card.position}`),
    text(40, 255, 26, `执法类别：${card.enforcementTypes.join('、') || '—'}`),
    text(40, 300, 26, '服务事项：', 'bold'),
    ...items.map((item, index) => text(60, 340 + index * 32, 22, `${index + 1}. ${item}`)),
    ...(more > 0 ? [text(60, 340 + items.length * 32, 22, `等共 ${card.serviceItems.length} 项`)] : []),
  ];
  const qr = card.qrSvg
    .replace(/^<\?xml[^>]*>/, '')
    .replace('<svg ', `<svg x="${WIDTH - 250}" y="100" width="200" height="200" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">
<rect x="4" y="4" width="${WIDTH - 8}" height="${height - 8}" rx="16" fill="#fff" stroke="#b42318" stroke-width="6"/>
${lines.join('\n')}
${qr}
${text(WIDTH - 240, 325, 20, '扫码核验执法证')}
</svg>`;
}
