import {
  findPersonalData,
  maskPersonName,
  type PersonalDataKind,
  personalDataLabels,
  type RedactionContext,
  redact,
} from '#shared/kernel/desensitise.ts';
import { normalise } from '#shared/kernel/normalise.ts';
import { categoryLabels } from '#shared/organisation/domain/officer.ts';
import type { Publication, PublicationRule } from '#shared/publicity/domain/publication.ts';
import type { CaseRecord, Decision } from '#shared/recording/domain/case.ts';

/**
 * The public record of a decision (PUB-9, LAW-5), built from an allow-list of fields, never by
 * deleting fields from the private record: agency, party (a person's name masked), category,
 * conclusion, legal basis, penalty, dates, and the performance of the decision (PUB-10).
 */
export interface PublicRecord {
  id: string;
  agencyId: string;
  agencyName: string;
  category: string;
  categoryName: string;
  party: { kind: 'person' | 'organization'; name: string };
  decisionType: string;
  conclusion: string;
  legalBasis: string;
  penalty?: { kind: string; amount?: number };
  decidedOn: string;
  /** The decision document's number (文号), e.g. 昌民罚〔2026〕12号, where the decision has one. */
  documentNo?: string;
  publishedOn: string;
  expiresOn: string;
  performance?: { status: 'executed'; on: string };
  /** The random draw that chose the inspection (PUB-15): /public/v1/agencies/{agencyId}/random-draws. */
  randomDrawId?: string;
  /** When it entered the agency's feed (PUB-14). */
  feedAt?: string;
}

/** Fields of a case's records that name a natural person (interviewee, witness, recipient ...). */
const PERSON_FIELDS = [
  'interviewee',
  'recipient',
  'signedBy',
  'witness',
  'witnesses',
  'inspectedParty',
  'relative',
  'relatives',
  'guardian',
  'contact',
  'informant',
  'person',
  'people',
  'name',
  'names',
  '证人',
  '见证人',
  '被询问人',
  '姓名',
  '亲属',
  '家属',
  '联系人',
];
/** Words that stand where a name would, and are not one. */
const NOT_NAMES = new Set(['当事人', '本人', '负责人', '法定代表人', '家属', '亲属', '其他', '无', '委托人']);

/**
 * What the redactor must hide for this case (LAW-5): the party (masked unless the rule says
 * otherwise), every other natural person its records name, and the party's identifiers.
 */
export function redactionContextFor(
  record: Pick<CaseRecord, 'party'>,
  documents: readonly { fields: Record<string, unknown> }[],
  rule: Pick<PublicationRule, 'maskPersonName'>,
): RedactionContext {
  const person = record.party.kind === 'person';
  const named = documents.flatMap((document) =>
    PERSON_FIELDS.flatMap((field) => {
      const value = document.fields[field];
      return typeof value === 'string'
        ? [value]
        : Array.isArray(value)
          ? value.filter((item) => typeof item === 'string')
          : [];
    }),
  );
  const otherPeople = [
    ...new Set(named.flatMap((value) => value.split(/[、，,；;\s（()）:：和及与]+/))),
  ].filter(
    (name) => /^[\u4e00-\u9fa5·]{2,6}$/.test(name) && !NOT_NAMES.has(name) && name !== record.party.name,
  );
  return {
    ...(person
      ? {
          party: {
            name: record.party.name,
            shownAs: rule.maskPersonName ? maskPersonName(record.party.name) : record.party.name,
          },
        }
      : {}),
    otherPeople,
    identifiers: [record.party.idNumber, record.party.phone, record.party.address].filter(
      (value): value is string => value !== undefined && value.length >= 4,
    ),
  };
}

export function buildPublicRecord(input: {
  record: CaseRecord;
  decision: Decision;
  publication: Publication;
  agencyName: string;
  rule: PublicationRule;
  publishedOn: string;
  expiresOn: string;
  /** What the case knows about its people (redactionContextFor). */
  context: RedactionContext;
}): PublicRecord {
  const { record, decision, context } = input;
  // An organisation's name is public, but not the person, ID or phone written into it (张三（身份证…）便利店).
  const shownName = context.party?.shownAs ?? redact(record.party.name, context);
  return {
    id: input.publication.id,
    agencyId: record.agencyId,
    agencyName: input.agencyName,
    category: record.category,
    categoryName: categoryLabels[record.category],
    party: { kind: record.party.kind, name: shownName },
    decisionType: redact(decision.type, context),
    conclusion: redact(decision.summary, context),
    legalBasis: redact(decision.legalBasis, context),
    ...(decision.penalty
      ? {
          penalty: {
            kind: decision.penalty.kind,
            ...(decision.penalty.amount !== undefined ? { amount: decision.penalty.amount } : {}),
          },
        }
      : {}),
    decidedOn: decision.decidedOn,
    ...(input.publication.documentNumber ? { documentNo: input.publication.documentNumber } : {}),
    publishedOn: input.publishedOn,
    expiresOn: input.expiresOn,
    ...(record.drawId ? { randomDrawId: record.drawId } : {}),
    ...(record.executedOn && record.decision?.id === decision.id
      ? { performance: { status: 'executed' as const, on: record.executedOn } }
      : {}),
  };
}

/** Nothing is published for a minor or a secret (LAW-5); the exemption is recorded. */
export function exemptionFor(record: CaseRecord): string | undefined {
  if (record.party.minor) return '当事人为未成年人，依法不予公开';
  if (record.flags.secret) return '涉及国家秘密或商业秘密，依法不予公开';
  return undefined;
}

export interface PreviewFlag {
  /** The field of the public record the passage is in. */
  field: 'decisionType' | 'conclusion' | 'legalBasis';
  /** The passage as written (what the redactor removes), or as it would appear (what it left). */
  text: string;
  kind: PersonalDataKind | 'suspect-name' | 'suspect-number';
  label: string;
  /** `removed`: the redactor takes it out; `check`: it stays, and looks like personal data. */
  action: 'removed' | 'check';
}

const SUSPECT_NAME =
  /[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤][\u4e00-\u9fa5]{1,2}(?=称|说|表示|陈述|承认|辩称|作证|证实|签字|签名|同志|先生|女士)/g;
const SUSPECT_NUMBER = /(?<!\d)\d{6,8}(?![\d元万亿年月日号条款项%％])/g;

/**
 * What a person checking the preview sees marked (审查, LAW-5): every passage the redactor takes
 * out of the officer's text, and what is left that still looks like a name or a number of a person.
 */
export function previewFlags(
  decision: Pick<Decision, 'type' | 'summary' | 'legalBasis'>,
  context: RedactionContext,
): PreviewFlag[] {
  const fields = {
    decisionType: decision.type,
    conclusion: decision.summary,
    legalBasis: decision.legalBasis,
  } as const;
  return (Object.entries(fields) as [PreviewFlag['field'], string][]).flatMap(([field, text]) => {
    const removed = findPersonalData(text, context).map(
      (item): PreviewFlag => ({
        field,
        text: item.text,
        kind: item.kind,
        label: personalDataLabels[item.kind],
        action: 'removed',
      }),
    );
    const shown = redact(normalise(text), context);
    const suspects = [
      ...[...shown.matchAll(SUSPECT_NAME)].map(
        (match): PreviewFlag => ({
          field,
          text: match[0],
          kind: 'suspect-name',
          label: '疑似姓名',
          action: 'check',
        }),
      ),
      ...[...shown.matchAll(SUSPECT_NUMBER)].map(
        (match): PreviewFlag => ({
          field,
          text: match[0],
          kind: 'suspect-number',
          label: '疑似号码',
          action: 'check',
        }),
      ),
    ];
    return [...removed, ...suspects];
  });
}
