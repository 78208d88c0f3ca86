import PDFDocument from 'pdfkit';
import { penaltyLabels } from '#shared/kernel/penalty-kinds.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import { indexFontPath } from '#shared/render/pdf/case-file-index.ts';

export type NoticeContent =
  | PublicRecord
  | { id: string; status: 'withdrawn'; withdrawnAt: string; reason: string; agencyName?: string };

const isWithdrawn = (content: NoticeContent): content is Extract<NoticeContent, { status: 'withdrawn' }> =>
  'status' in content && content.status === 'withdrawn';

/**
 * A printable notice of one publication for the hall board (公示栏, PUB-14): A4, Chinese, built
 * only from the public record, so it carries nothing the public site does not.
 */
export async function publicationNoticePdf(content: NoticeContent, agencyName: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 64, info: { Title: `${agencyName} 行政执法公示` } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.registerFont('cjk', indexFontPath());
  pdf.font('cjk');
  pdf.fontSize(20).text(`${agencyName}`, { align: 'center' }).moveDown(0.3);
  pdf
    .fontSize(18)
    .text(isWithdrawn(content) ? '撤回公示' : '行政执法决定公示', { align: 'center' })
    .moveDown();
  pdf.fontSize(12);
  const line = (label: string, value: string) => pdf.text(`${label}：${value}`).moveDown(0.4);
  if (isWithdrawn(content)) {
    line('撤回时间', content.withdrawnAt.slice(0, 10));
    line('撤回原因', content.reason);
  } else {
    line('执法类别', content.categoryName);
    line('当事人', content.party.name);
    line('决定内容', content.conclusion);
    line('法律依据', content.legalBasis);
    if (content.penalty) {
      const kind = (penaltyLabels as Record<string, string>)[content.penalty.kind] ?? content.penalty.kind;
      line('处罚', content.penalty.amount !== undefined ? `${kind} ${content.penalty.amount} 元` : kind);
    }
    line('决定日期', content.decidedOn);
    if (content.performance) line('履行情况', `已于 ${content.performance.on} 履行`);
    line('公示期限', `${content.publishedOn} 至 ${content.expiresOn}`);
  }
  pdf.moveDown().fontSize(9).fillColor('#555').text(`公示编号：${content.id}`);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
