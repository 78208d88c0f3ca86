import PDFDocument from 'pdfkit';
import { indexFontPath } from '#shared/render/pdf/case-file-index.ts';

export interface ReportContent {
  title: string;
  subtitle: string;
  /** The figures, as a table. */
  rows: [label: string, value: string | number][];
  /** A bar chart (drawn, not an image): one bar per entry. */
  chart: { title: string; bars: { label: string; value: number }[] };
  footer: string;
}

/**
 * One generator for the reports people print (ORG-1, LAW-7): the annual enforcement data and the
 * periodic evaluation (总结评估) for any period. A4, Chinese (Noto Sans SC embedded), a table of
 * figures and a bar chart drawn with vector shapes.
 */
export async function reportPdf(content: ReportContent): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: content.title } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.registerFont('cjk', indexFontPath());
  pdf.font('cjk');
  pdf.fontSize(18).text(content.title, { align: 'center' }).moveDown(0.3);
  pdf.fontSize(11).fillColor('#444').text(content.subtitle, { align: 'center' }).moveDown();
  pdf.fillColor('#000').fontSize(11);
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  for (const [label, value] of content.rows) {
    const y = pdf.y;
    pdf.text(label, left, y, { width: width * 0.65 });
    pdf.text(String(value), left + width * 0.65, y, { width: width * 0.35, align: 'right' });
    pdf
      .moveTo(left, pdf.y + 2)
      .lineTo(left + width, pdf.y + 2)
      .strokeColor('#ddd')
      .lineWidth(0.5)
      .stroke();
    pdf.moveDown(0.4);
  }
  pdf.moveDown().fontSize(13).text(content.chart.title, left).moveDown(0.5).fontSize(10);
  const max = Math.max(1, ...content.chart.bars.map((bar) => bar.value));
  const labelWidth = 90;
  const barSpace = width - labelWidth - 50;
  for (const bar of content.chart.bars) {
    const y = pdf.y;
    pdf.fillColor('#000').text(bar.label, left, y, { width: labelWidth });
    const length = (bar.value / max) * barSpace;
    if (length > 0) pdf.rect(left + labelWidth, y + 1, length, 10).fill('#2f6fb0');
    pdf.fillColor('#000').text(String(bar.value), left + labelWidth + length + 6, y, { width: 50 });
    pdf.y = y + 18;
  }
  pdf.moveDown(2).fontSize(9).fillColor('#555').text(content.footer, left);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
