import type { CaseRecord, Decision } from '#shared/domain/cases/case.ts';
import { maskPersonName, scrubText } from '#shared/domain/desensitise.ts';
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

export function buildPublicRecord(input: {
  record: CaseRecord;
  decision: Decision;
  publication: Publication;
  agencyName: string;
  rule: PublicationRule;
  publishedOn: string;
  expiresOn: string;
}): PublicRecord {
  const { record, decision, rule } = input;
  const person = record.party.kind === 'person';
  const shownName = person && rule.maskPersonName ? maskPersonName(record.party.name) : record.party.name;
  const hidden = person ? [{ full: record.party.name, masked: shownName }] : [];
  return {
    id: input.publication.id,
    agencyId: record.agencyId,
    agencyName: input.agencyName,
    category: record.category,
    categoryName: categoryLabels[record.category],
    party: { kind: record.party.kind, name: shownName },
    decisionType: scrubText(decision.type, hidden),
    conclusion: scrubText(decision.summary, hidden),
    legalBasis: scrubText(decision.legalBasis, hidden),
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
