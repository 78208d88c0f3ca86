import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { chineseDate, LEGAL_TIME_ZONE, legalDateOf } from '#shared/kernel/dates.ts';
import type { Party } from '#shared/recording/domain/case.ts';
import { type CaseDocument, documentLabel, documentTemplates } from '#shared/recording/domain/documents.ts';
import { fieldLabels, labelOfField } from '#shared/recording/domain/field-labels.ts';
import { indexFontPath } from '#shared/render/pdf/case-file-index.ts';

export const SUPPLEMENTARY_FONT_FILE = 'NotoSansCJKsc-Supplementary.otf';

/**
 * The characters beyond the basic plane that Noto Sans SC lacks (𠮷 and the other rare
 * characters of names, CJK Extension B and later): a subset of Noto Sans CJK SC (docs/documents.md),
 * beside this module and, in the Lambda bundle, beside the handler.
 */
const supplementaryFontPath = () => fileURLToPath(new URL(`./${SUPPLEMENTARY_FONT_FILE}`, import.meta.url));

let coverage: fontkit.Font | undefined;
/** Whether the main font draws a character; what it does not, the supplementary font draws. */
const mainFontHas = (codePoint: number) => {
  coverage ??= fontkit.openSync(indexFontPath()) as fontkit.Font;
  return coverage.hasGlyphForCodePoint(codePoint);
};

export interface RecordDocumentContents {
  document: CaseDocument;
  /** The agency's full name, the document's heading. */
  agencyName: string;
  party: Pick<Party, 'kind' | 'name' | 'idNumber' | 'address'>;
  /** The case's officers, who sign with their certificate numbers. */
  officers: { name: string; certificateNo: string }[];
  /** Where the QR code leads: the public verification page of the document's code. */
  verificationUrl: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const beijingParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: LEGAL_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a document states it: 二〇二六年十二月七日 9时05分 (Beijing time). */
function documentTime(instant: string): string {
  const date = new Date(instant);
  const [hour = '0', minute = '00'] = beijingParts.format(date).split(':');
  return `${chineseDate(legalDateOf(date))}${Number(hour)}时${minute}分`;
}

/** One field's value as printed lines: labels from the same table the console's form uses. */
function valueLines(name: string, value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return [documentTime(value)];
    if (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return [chineseDate(value)];
    return [fieldLabels[`${name}.${value}`] ?? value];
  }
  if (typeof value === 'number') return [String(value)];
  if (typeof value === 'boolean') return [value ? '是' : '否'];
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null))
      return [value.map((item) => valueLines(name, item).join('')).join('、')];
    return value.flatMap((item, index) =>
      valueLines(name, item).map((line, at) => (at === 0 ? `${index + 1}. ${line}` : `   ${line}`)),
    );
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([inner, innerValue]) =>
      valueLines(inner, innerValue).map((line) => `${labelOfField(inner)}：${line}`),
    );
  }
  return [String(value)];
}

/** Fields kept for the system, not for the reader: a receipt's document prints by its number. */
export const UNPRINTED_FIELDS: readonly string[] = ['documentId', 'activityId'];

/** The fields in the template's order (an agency's own record type: as written). */
function orderedFields(document: CaseDocument): [string, unknown][] {
  const template = (documentTemplates as Record<string, { fields: { shape: object } }>)[document.type];
  const names = template ? Object.keys(template.fields.shape) : Object.keys(document.fields);
  return names
    .filter((name) => name in document.fields && !UNPRINTED_FIELDS.includes(name))
    .map((name) => [name, document.fields[name]]);
}

/** The heading of a numbered document: the issuer's full name, the title and the number. */
export interface DocumentHeading {
  issuerName: string;
  title: string;
  number: string;
}

/** What checks the paper against its electronic original (PUB-16). */
export interface DocumentVerificationMark {
  verificationCode: string;
  sha256: string;
  /** Where the QR code leads: the public verification page of the code. */
  verificationUrl: string;
}

/** An A4 document being written, with its writers; `finish` adds the seal, the date and the verification. */
export interface DocumentPage {
  pdf: PDFKit.PDFDocument;
  width: number;
  /** Text in runs of the font that has each character. */
  write: (text: string, options?: PDFKit.Mixins.TextOptions) => void;
  /** One labelled line: 标签：值. */
  line: (label: string, value: string) => void;
  /** Starts a new page unless `height` points still fit on this one. */
  keepTogether: (height: number) => void;
  /** The issuer for its seal and the date in Chinese, right-aligned; the verification at the foot; the bytes. */
  finish: (date: string, mark: DocumentVerificationMark) => Promise<Buffer>;
}

/**
 * Opens a numbered document as the national formats lay it out (docs/documents.md): A4; the
 * issuer's full name, the title and the number. Noto Sans SC is embedded (subset), with the rare
 * characters it lacks drawn from the supplementary font, so every character of a name prints.
 * Every printed document (case records, supervision documents) is written through it.
 */
export function openDocument(heading: DocumentHeading): DocumentPage {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 56, left: 72, right: 72 },
    info: { Title: `${heading.title} ${heading.number}` },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.registerFont('cjk', indexFontPath());
  pdf.registerFont('cjk-supplementary', supplementaryFontPath());
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;

  const write = (text: string, options: PDFKit.Mixins.TextOptions = {}) => {
    const runs: { font: string; text: string }[] = [];
    for (const character of text) {
      const font = mainFontHas(character.codePointAt(0) ?? 0) ? 'cjk' : 'cjk-supplementary';
      const last = runs.at(-1);
      if (last?.font === font) last.text += character;
      else runs.push({ font, text: character });
    }
    if (runs.length === 0) runs.push({ font: 'cjk', text: '' });
    runs.forEach((run, index) => {
      pdf.font(run.font).text(run.text, { ...options, continued: index < runs.length - 1 });
    });
    pdf.font('cjk');
  };
  const line = (label: string, value: string) => write(`${label}：${value}`, { width, lineGap: 4 });
  const keepTogether = (height: number) => {
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  };

  pdf.font('cjk').fillColor('black');
  pdf.fontSize(16);
  write(heading.issuerName, { align: 'center', width });
  pdf.moveDown(0.2).fontSize(22);
  write(heading.title, { align: 'center', width, characterSpacing: 2 });
  pdf.moveDown(0.3).fontSize(11);
  write(heading.number, { align: 'right', width });
  pdf.moveDown(0.8).fontSize(12);

  const finish = async (date: string, mark: DocumentVerificationMark) => {
    pdf.fontSize(12);
    write(`${heading.issuerName}（印章）`, { align: 'right', width });
    write(chineseDate(date), { align: 'right', width });

    // PUB-16: the QR code of the verification page and the code to type, at the foot of the page.
    const qr = QRCode.create(mark.verificationUrl, { errorCorrectionLevel: 'M' });
    const size = 76;
    const cell = size / qr.modules.size;
    const top = pdf.page.height - pdf.page.margins.bottom - size;
    pdf.rect(left - 4, top - 4, size + 8, size + 8).fill('white');
    for (let row = 0; row < qr.modules.size; row += 1)
      for (let column = 0; column < qr.modules.size; column += 1)
        if (qr.modules.get(row, column)) pdf.rect(left + column * cell, top + row * cell, cell, cell);
    pdf.fill('black');
    const textLeft = left + size + 14;
    const textWidth = width - size - 14;
    pdf.fontSize(10).font('cjk');
    pdf.text(`核验码：${mark.verificationCode}`, textLeft, top + 2, { width: textWidth });
    pdf.fontSize(8).fillColor('#333');
    pdf.text(`扫描二维码或访问 ${mark.verificationUrl} 核验本文书与电子原件是否一致、是否仍然有效。`, {
      width: textWidth,
    });
    pdf.text(`电子原件 SHA-256：${mark.sha256}`, { width: textWidth });
    pdf.fillColor('black');
    pdf.end();
    await done;
    return Buffer.concat(chunks);
  };
  return { pdf, width, write, line, keepTogether, finish };
}

/**
 * A record as its standard printed document (REC-12, 执法文书格式文本): the heading; the party;
 * the fields in the template's order under their Chinese labels; the party's and the officers'
 * signature lines (with certificate numbers); the agency and the date in Chinese; and the QR code
 * and short code that check the paper against the electronic original (PUB-16).
 */
export async function recordDocumentPdf(contents: RecordDocumentContents): Promise<Buffer> {
  const { document, party } = contents;
  const { pdf, width, write, line, keepTogether, finish } = openDocument({
    issuerName: contents.agencyName,
    title: documentLabel(document.type),
    number: document.number,
  });

  line(party.kind === 'organization' ? '当事人（单位名称）' : '当事人', party.name);
  line(party.kind === 'organization' ? '统一社会信用代码' : '证件号码', party.idNumber);
  if (party.address) line('住所（地址）', party.address);
  line('事由', document.title);
  pdf.moveDown(0.5);
  for (const [name, value] of orderedFields(document)) {
    const lines = valueLines(name, value);
    if (lines.length === 1) line(labelOfField(name), lines[0] ?? '');
    else {
      write(`${labelOfField(name)}：`, { width });
      for (const text of lines) write(text, { width, indent: 24, lineGap: 2 });
    }
    pdf.moveDown(0.3);
  }

  // Signatures, the agency and the date: kept together on the last page with the verification.
  keepTogether(250);
  pdf.moveDown(1.2).fontSize(12);
  write('当事人（签名或盖章）：________________        年    月    日', { width });
  pdf.moveDown(0.6);
  for (const officer of contents.officers) {
    write(`执法人员（签名）：________  ${officer.name}  执法证号：${officer.certificateNo}`, { width });
    pdf.moveDown(0.4);
  }
  pdf.moveDown(0.8);
  return finish(legalDateOf(new Date(document.createdAt)), {
    verificationCode: document.verificationCode,
    sha256: document.sha256,
    verificationUrl: contents.verificationUrl,
  });
}
