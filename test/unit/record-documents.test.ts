import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { chineseDate, legalDateOf } from '#shared/kernel/dates.ts';
import {
  type CaseDocument,
  DECISION_DOCUMENT_TYPES,
  recordTypes,
} from '#shared/recording/domain/documents.ts';
import { fieldLabels, labelOfField } from '#shared/recording/domain/field-labels.ts';
import { readCase } from '#shared/recording/use-cases/case-access.ts';
import { addActivity } from '#shared/recording/use-cases/case-activities.ts';
import { createDocument, printableDocument } from '#shared/recording/use-cases/case-documents.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import { transitionCase } from '#shared/recording/use-cases/transition-case.ts';
import { recordDocumentPdf, UNPRINTED_FIELDS } from '#shared/render/pdf/record-document.ts';
import { sitePaths } from '#shared/render/site/paths.ts';
import {
  AGENCY,
  cast,
  OFFICERS,
  PARTY,
  readyForDecision,
  recordedActivity,
  SMALL_FINE,
  tick,
  UNIT,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

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
function sampleOf(
  schema: JsonSchema,
  name: string,
  at: string,
  numbers: { document: string; activity?: string },
): unknown {
  const own = schema.anyOf?.[0] ?? schema;
  if (own.enum) return own.enum[0];
  if (name === 'documentNumber') return numbers.document;
  // Service on site names the service activity with its AV (REC-4).
  if (name === 'activityId') return numbers.activity;
  switch (own.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(own.properties ?? {})
          // A receipt names its document once, by number; the server fills in its record id.
          .filter(([inner]) => inner !== 'documentId')
          .map(([inner, innerSchema]) => [inner, sampleOf(innerSchema, inner, at, numbers)]),
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
  if (typeof value === 'boolean') return [value ? '是' : '否'];
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

/** The case's decision made in a case walked to it: its 决定书 is a document of that case. */
type Issued = { caseId: string; document: CaseDocument };

/**
 * How each decision document comes to be: by issuing a decision of its kind (REC-12), in a case
 * of the rare-named party. A decision document type added to the templates fails the test below
 * until it has its way here.
 */
const decisionWays: Record<string, (world: UnitWorld) => Promise<string>> = {
  'penalty-decision': async (world) => {
    const { caseId } = await readyForDecision(world, { party: RARE_PARTY });
    await issueDecision(world.ports, cast.handler, caseId, SMALL_FINE);
    return caseId;
  },
  'no-penalty-decision': async (world) => {
    const { caseId } = await readyForDecision(world, {
      party: RARE_PARTY,
      notifiedPenalty: { kind: 'no-penalty' },
    });
    await issueDecision(world.ports, cast.handler, caseId, {
      type: 'penalty',
      summary: '当事人违法行为轻微并及时改正，没有造成危害后果，不予行政处罚。',
      legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
      penalty: { kind: 'no-penalty' },
    });
    return caseId;
  },
  'licensing-decision': (world) =>
    decidedCase(world, 'licensing', { type: '准予行政许可', summary: '准予设立养老机构备案。' }),
  'licensing-refusal': (world) =>
    decidedCase(world, 'licensing', { type: '不予行政许可', summary: '申请材料不符合法定条件，不予许可。' }),
  'enforcement-decision': (world) =>
    decidedCase(world, 'coercion', { type: '查封', summary: '查封当事人存放的不合格床具一批。' }),
};

/** A case of another category, investigated by an interview record, then decided. */
async function decidedCase(
  world: UnitWorld,
  category: 'licensing' | 'coercion',
  proposal: { type: string; summary: string },
): Promise<string> {
  const { ports } = world;
  const registered = await registerCase(ports, cast.handler, {
    category,
    title: `${RARE_PARTY.name}${proposal.type}案`,
    party: RARE_PARTY,
    officers: OFFICERS,
    unitId: UNIT,
    flags: {},
  });
  await transitionCase(ports, cast.handler, registered.id, { to: 'investigating' });
  const at = tick(world);
  await addActivity(ports, cast.handler, registered.id, { type: 'interview', officers: OFFICERS });
  await createDocument(ports, cast.handler, registered.id, {
    type: 'interview-record',
    title: '询问笔录',
    fields: {
      interviewee: '当事人',
      place: '执法机关询问室',
      startedAt: at,
      endedAt: at,
      questionsAndAnswers: [{ question: '是否知悉有关规定？', answer: '知悉。' }],
    },
  });
  tick(world);
  await transitionCase(ports, cast.handler, registered.id, { to: 'pending-decision' });
  await issueDecision(ports, cast.handler, registered.id, {
    ...proposal,
    legalBasis: '《养老机构管理办法》第四十条',
  });
  return registered.id;
}

/**
 * One document of every record type: the ordinary records written in one case, from their
 * templates' schemas; each decision document made by issuing its decision.
 */
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
  const { activity } = await recordedActivity(world, registered.id, 'service');
  tick(world, 30);
  const numbers = { document: '', activity: activity.id };
  const issued: Issued[] = [];
  for (const type of recordTypes()) {
    const way = decisionWays[type.type];
    if (DECISION_DOCUMENT_TYPES.includes(type.type)) {
      if (!way) throw new Error(`no way to issue a decision whose document is ${type.type}`);
      const caseId = await way(world);
      const record = await readCase(ports, cast.handler, caseId);
      const recordId = record.decision?.document?.recordId ?? '';
      const document = (await ports.cases.documents(AGENCY, caseId)).find((one) => one.id === recordId);
      if (document?.type !== type.type)
        throw new Error(`the decision made ${document?.type}, not ${type.type}`);
      issued.push({ caseId, document });
      continue;
    }
    const at = tick(world);
    const fields = sampleOf(type.fields as JsonSchema, type.type, at, numbers) as Record<string, unknown>;
    const document = await createDocument(ports, cast.handler, registered.id, {
      type: type.type,
      title: `𠮷㵘龘${type.label}`,
      fields,
    });
    numbers.document ||= document.number;
    issued.push({ caseId: registered.id, document });
  }
  return { world, issued };
}

describe('every record prints as its standard document (REC-12, PUB-16)', async () => {
  const { world, issued } = await caseWithEveryRecord();
  const documents = issued.map(({ document }) => document);

  it('[REC-12] every record type is among them, decision documents included', () => {
    expect(documents.map((document) => document.type)).toEqual(recordTypes().map((type) => type.type));
  });

  it.each(issued.map(({ caseId, document }) => [document.type, caseId, document] as const))(
    '[REC-12] [PUB-16] %s: A4, the agency, title, number, every field, the signatures, the date in Chinese and a QR code of its verification page',
    async (type, caseId, document) => {
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
        ...Object.entries(document.fields)
          .filter(([name]) => !UNPRINTED_FIELDS.includes(name))
          .flatMap(([name, value]) => [labelOfField(name), ...expectedTexts(name, value)]),
      ];
      expect(expected.filter((part) => !printed.includes(squeeze(part)))).toEqual([]);
      // A4 (595.28 x 841.89 pt) at 110 dpi, rounded up by pdftoppm: 910 x 1287 pixels.
      expect([image.width, image.height]).toEqual([910, 1287]);
      // jsqr is CommonJS with `exports.default`: its types name the default, Node gives the module.
      const code = (jsqr as unknown as typeof jsqr.default)(
        new Uint8ClampedArray(image.data),
        image.width,
        image.height,
      );
      expect(code?.data).toBe(verificationUrl);
    },
  );

  it('[REC-12] every field and every choice of every template has its Chinese label: no field name reaches paper or form', () => {
    const unlabelled: string[] = [];
    const walk = (schema: JsonSchema, name: string) => {
      const own = schema.anyOf?.[0] ?? schema;
      for (const value of own.enum ?? [])
        if (!fieldLabels[`${name}.${value}`]) unlabelled.push(`${name}.${value}`);
      for (const [inner, innerSchema] of Object.entries(own.properties ?? {})) {
        if (!fieldLabels[inner]) unlabelled.push(inner);
        walk(innerSchema, inner);
      }
      if (own.items) walk(own.items, name);
    };
    for (const type of recordTypes()) walk(type.fields as JsonSchema, type.type);
    expect(unlabelled).toEqual([]);
  });

  it('[INS-6] the inspection documents of the national format are record types, each printed above with every field', () => {
    const labels = recordTypes().map((type) => type.label);
    for (const label of [
      '行政检查审批表',
      '行政检查通知书',
      '现场检查笔录',
      '询问笔录',
      '抽样取证凭证',
      '勘验笔录',
      '行政检查结果告知书',
    ])
      expect(labels).toContain(label);
    expect(documents.map((document) => document.title)).toContain('𠮷㵘龘行政检查结果告知书');
  });

  it('[PUB-16] each record has its own verification code: 16 Crockford base32 characters (80 bits) in groups of four', () => {
    const codes = documents.map((document) => document.verificationCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
