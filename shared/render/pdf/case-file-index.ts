import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { beijingTimeText } from '#shared/kernel/dates.ts';
import type { VerifyResult } from '#shared/kernel/journal.ts';
import { categoryLabels } from '#shared/organisation/domain/officer.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import type { CaseDocument } from '#shared/recording/domain/documents.ts';
import { documentLabel } from '#shared/recording/domain/documents.ts';
import type { Evidence } from '#shared/recording/domain/evidence.ts';
import { caseStatusLabels } from '#shared/recording/domain/state-machine.ts';

export const INDEX_FONT_FILE = 'NotoSansSC-Regular.ttf';
const FONT_PACKAGE_PATH = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/**
 * Noto Sans SC, embedded (subset) in the PDF so the index reads the same on any machine. In the
 * Lambda bundle the font is copied beside the handler; on one machine it comes from the package.
 */
export function indexFontPath(): string {
  const bundled = fileURLToPath(new URL(`./${INDEX_FONT_FILE}`, import.meta.url));
  return existsSync(bundled) ? bundled : createRequire(import.meta.url).resolve(FONT_PACKAGE_PATH);
}

const evidenceStatusLabels: Record<string, string> = {
  'pending-upload': '待上传',
  archived: '已归档',
  rejected: '校验不符已拒收',
};

/** Instants are stored in UTC; people read them in Beijing time. */
const beijing = (instant: string) => `${beijingTimeText(instant)}（北京时间）`;

export interface CaseFileContents {
  record: CaseRecord;
  agencyName: string;
  documents: CaseDocument[];
  evidence: Evidence[];
  journal: VerifyResult & { head: string };
  generatedAt: string;
}

/** The index (卷宗目录) of the electronic case file, as a PDF with Chinese text. */
export async function caseFileIndexPdf(contents: CaseFileContents): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${contents.record.title} 电子卷宗目录` },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.registerFont('cjk', indexFontPath());
  pdf.font('cjk');
  const { record } = contents;
  pdf.fontSize(18).text(`${contents.agencyName} 电子卷宗`, { align: 'center' }).moveDown(0.5);
  pdf.fontSize(11);
  const line = (label: string, value: string) => pdf.text(`${label}：${value}`);
  line('案件名称', record.title);
  line('案件编号', record.id);
  line('执法类别', categoryLabels[record.category]);
  line('当事人', record.party.name);
  line('案件状态', caseStatusLabels[record.status]);
  line('立案时间', beijing(record.createdAt));
  line('执法人员', record.officers.join('、'));
  pdf.moveDown();
  pdf.fontSize(14).text('一、执法文书').fontSize(10);
  contents.documents.forEach((document, index) => {
    pdf.text(`${index + 1}. ${document.number}  ${documentLabel(document.type)}  ${document.title}`);
    pdf.fillColor('#555').text(`    SHA-256：${document.sha256}`).fillColor('black');
  });
  if (contents.documents.length === 0) pdf.text('（无）');
  pdf.moveDown();
  pdf.fontSize(14).text('二、音像证据').fontSize(10);
  contents.evidence.forEach((item, index) => {
    pdf.text(
      `${index + 1}. ${item.fileName}  ${evidenceStatusLabels[item.status] ?? item.status}  ${item.size} 字节  拍摄：${beijing(item.capturedAt)}  设备：${item.deviceId}`,
    );
    pdf
      .fillColor('#555')
      .text(`    SHA-256：${item.sha256}  版本：${item.versionId ?? '—'}`)
      .fillColor('black');
  });
  if (contents.evidence.length === 0) pdf.text('（无）');
  pdf.moveDown();
  pdf.fontSize(14).text('三、全过程记录日志').fontSize(10);
  pdf.text(
    `共 ${contents.journal.entries} 条；校验：${contents.journal.ok ? '完整' : `第 ${contents.journal.broken?.seq} 条起不一致`}`,
  );
  pdf.text(`最后一条哈希：${contents.journal.head}`);
  pdf.moveDown();
  pdf
    .fillColor('#555')
    .text(`生成时间：${beijing(contents.generatedAt)}。卷宗内每个文件的 SHA-256 见 manifest.json。`);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
