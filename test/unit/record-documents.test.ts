import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chineseDate, legalDateOf } from '#shared/dates.ts';
import { type CaseDocument, recordTypes } from '#shared/domain/cases/documents.ts';
import { fieldLabels, labelOfField } from '#shared/domain/cases/field-labels.ts';
import { recordDocumentPdf } from '#shared/render/pdf/record-document.ts';
import { sitePaths } from '#shared/render/site/paths.ts';
import { createDocument, printableDocument, registerCase, transitionCase } from '#shared/use-cases/cases.ts';
import { cast, OFFICERS, PARTY, tick, UNIT, unitBureau } from '#test/helpers/unit-case.ts';

/** A party whose name has characters beyond the main font (𠮷, CJK Ext. B) and rare ones (㵘). */
const RARE_PARTY = { ...PARTY, name: '𠮷㵘龘' };
const BASE_URL = 'https://zfgs.example.gov.cn';

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

/**
 * A valid value for every field of a template, from its JSON Schema (`GET /v1/record-types`),
 * each text distinct, so that each can be found in the printed text: any record type added to
 * the templates is covered without a line here.
 */
function sampleOf(schema: JsonSchema, name: string, at: string, numbers: { document: string }): unknown {
  const own = schema.anyOf?.[0] ?? schema;
  if (own.enum) return own.enum[0];
  if (name === 'documentNumber') return numbers.document;
  switch (own.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(own.properties ?? {}).map(([inner, innerSchema]) => [
          inner,
          sampleOf(innerSchema, inner, at, numbers),
        ]),
      );
    case 'array':
      return [
        sampleOf(own.items ?? {}, name, at, numbers),
        sampleOf(own.items ?? {}, `${name}2`, at, numbers),
      ];
    case 'number':
    case 'integer':
      return 500;
    case 'boolean':
      return true;
    default:
      return own.format === 'date-time' ? at : `${labelOfField(name)}内容${name}`;
  }
}

/** Every printed text of a value, as the document prints it (labels for choices, dates in Chinese). */
function expectedTexts(name: string, value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => expectedTexts(name, item));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([inner, innerValue]) => expectedTexts(inner, innerValue));
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))
    return [chineseDate(legalDateOf(new Date(value)))];
  return [fieldLabels[`${name}.${String(value)}`] ?? String(value)];
}

const tools = mkdtempSync(join(tmpdir(), 'record-documents-'));
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The text of a PDF (poppler's pdftotext) and its last page as an image (pdftoppm). */
function extracted(pdf: Buffer, name: string) {
  const file = join(tools, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
  execFileSync('pdftoppm', [
    '-r',
    '110',
    '-png',
    '-singlefile',
    '-f',
    String(pages),
    file,
    join(tools, name),
  ]);
  return { text, pages, image: PNG.sync.read(readFileSync(join(tools, `${name}.png`))) };
}

async function caseWithEveryRecord() {
  const world = await unitBureau('2026-12-07T01:00:00.000Z');
  const { ports } = world;
  const registered = await registerCase(ports, cast.handler, {
    category: 'penalty',
    procedure: 'general',
    title: '𠮷㵘龘养老服务点未建立入院评估制度案',
    party: RARE_PARTY,
    officers: OFFICERS,
    unitId: UNIT,
    flags: {},
  });
  await transitionCase(ports, cast.handler, registered.id, { to: 'investigating' });
  tick(world, 30);
  const numbers = { document: '' };
  const documents: CaseDocument[] = [];
  for (const type of recordTypes()) {
    const at = tick(world);
    const fields = sampleOf(type.fields as JsonSchema, type.type, at, numbers) as Record<string, unknown>;
    const document = await createDocument(ports, cast.handler, registered.id, {
      type: type.type,
      title: `𠮷㵘龘${type.label}`,
      fields,
    });
    numbers.document ||= document.number;
    documents.push(document);
  }
  return { world, caseId: registered.id, documents };
}

describe('every record prints as its standard document (REC-12, PUB-16)', async () => {
  const { world, caseId, documents } = await caseWithEveryRecord();

  it.each(documents.map((document) => [document.type, document] as const))(
    '[REC-12] [PUB-16] %s: A4, the agency, title, number, every field, the signatures, the date in Chinese and a QR code of its verification page',
    async (type, document) => {
      const contents = await printableDocument(world.ports, cast.handler, caseId, document.id);
      const verificationUrl = new URL(sitePaths.document(document.verificationCode), BASE_URL).toString();
      const pdf = await recordDocumentPdf({ ...contents, verificationUrl });
      const { text, image } = extracted(pdf, type);
      const printed = squeeze(text);
      const expected = [
        '昌宁县民政局',
        contents.document.number,
        RARE_PARTY.name,
        RARE_PARTY.idNumber,
        '当事人（签名或盖章）',
        '执法证号：ZF-0001',
        '执法证号：ZF-0002',
        chineseDate(legalDateOf(new Date(document.createdAt))),
        document.verificationCode,
        document.sha256,
        ...recordTypes()
          .filter((recordType) => recordType.type === type)
          .map((recordType) => recordType.label),
        ...Object.entries(document.fields).flatMap(([name, value]) => [
          labelOfField(name),
          ...expectedTexts(name, value),
        ]),
      ];
      expect(expected.filter((part) => !printed.includes(squeeze(part)))).toEqual([]);
      // A4 at 110 dpi is 910 x 1286 pixels.
      expect([image.width, image.height]).toEqual([910, 1286]);
      // jsqr is CommonJS with `exports.default`: its types name the default, Node gives the module.
      const code = (jsqr as unknown as typeof jsqr.default)(
        new Uint8ClampedArray(image.data),
        image.width,
        image.height,
      );
      expect(code?.data).toBe(verificationUrl);
    },
  );

  it('[PUB-16] each record has its own verification code: 16 Crockford base32 characters (80 bits) in groups of four', () => {
    const codes = documents.map((document) => document.verificationCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
