import type { CaseRecord, Decision } from '#shared/domain/cases/case.ts';
import { maskPersonName, type RedactionContext, redact } from '#shared/domain/desensitise.ts';
import { categoryLabels } from '#shared/domain/officer.ts';
import type { Publication, PublicationRule } from '#shared/domain/publication.ts';

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
  publishedOn: string;
  expiresOn: string;
  performance?: { status: 'executed'; on: string };
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
  const otherPeople = [...new Set(named.flatMap((value) => value.split(/[、，,；;\s]+/)))].filter(
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
  const shownName = context.party?.shownAs ?? record.party.name;
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
    publishedOn: input.publishedOn,
    expiresOn: input.expiresOn,
  };
}

/** Nothing is published for a minor or a secret (LAW-5); the exemption is recorded. */
export function exemptionFor(record: CaseRecord): string | undefined {
  if (record.party.minor) return '当事人为未成年人，依法不予公开';
  if (record.flags.secret) return '涉及国家秘密或商业秘密，依法不予公开';
  return undefined;
}
