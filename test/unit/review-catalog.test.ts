import { describe, expect, it } from 'vitest';
import { type CaseFacts, reviewRequirement } from '#shared/legal-review/domain/catalog.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';
import { countyReviewCatalog } from '#test/fixtures/checklists.ts';

const person: CaseFacts = { category: 'penalty', partyKind: 'person', flags: {}, hearingHeld: false };
const organization: CaseFacts = { ...person, partyKind: 'organization' };
const proposal = (
  kind: NonNullable<Proposal['penalty']>['kind'],
  amount?: number,
  extra: Partial<Proposal> = {},
): Proposal => ({
  type: 'penalty',
  summary: '处罚',
  legalBasis: '依据',
  penalty: { kind, ...(amount !== undefined ? { amount } : {}) },
  ...extra,
});

/** Written from the county catalog: each rule at its boundary, matching and not matching. */
const table: { name: string; facts: CaseFacts; proposal?: Proposal; matched: string[] }[] = [
  {
    name: 'fine of 9,999.99 yuan on a person',
    facts: person,
    proposal: proposal('fine', 9999.99),
    matched: [],
  },
  {
    name: 'fine of 10,000 yuan on a person',
    facts: person,
    proposal: proposal('fine', 10000),
    matched: ['R01'],
  },
  {
    name: 'fine of 10,000 yuan on an organisation',
    facts: organization,
    proposal: proposal('fine', 10000),
    matched: [],
  },
  {
    name: 'fine of 99,999.99 yuan on an organisation',
    facts: organization,
    proposal: proposal('fine', 99999.99),
    matched: [],
  },
  {
    name: 'fine of 100,000 yuan on an organisation',
    facts: organization,
    proposal: proposal('fine', 100000),
    matched: ['R02'],
  },
  {
    name: 'confiscation worth 9,999.99 from a person',
    facts: person,
    proposal: proposal('confiscation', 9999.99),
    matched: [],
  },
  {
    name: 'confiscation worth 10,000 from a person',
    facts: person,
    proposal: proposal('confiscation', 10000),
    matched: ['R03'],
  },
  {
    name: 'confiscation worth 100,000 from an organisation',
    facts: organization,
    proposal: proposal('confiscation', 100000),
    matched: ['R04'],
  },
  { name: 'a warning', facts: person, proposal: proposal('warning'), matched: [] },
  { name: 'suspension of business', facts: organization, proposal: proposal('suspension'), matched: ['R05'] },
  {
    name: 'revocation of a licence',
    facts: organization,
    proposal: proposal('licence-revocation'),
    matched: ['R06'],
  },
  {
    name: 'a fine after a hearing',
    facts: { ...person, hearingHeld: true },
    proposal: proposal('fine', 500),
    matched: ['LAW-HEARING', 'R07'],
  },
  {
    name: 'outside the discretion benchmark',
    facts: person,
    proposal: proposal('fine', 500, { outsideDiscretionBenchmark: true }),
    matched: ['R08'],
  },
  {
    name: 'within the benchmark',
    facts: person,
    proposal: proposal('fine', 500, { outsideDiscretionBenchmark: false }),
    matched: [],
  },
  {
    name: 'major public interest, in the level and field of R09',
    facts: { ...person, flags: { majorPublicInterest: true }, level: '县级', field: '民政' },
    proposal: proposal('warning'),
    matched: ['LAW-PUBLIC-INTEREST', 'R09'],
  },
  {
    name: 'major public interest in another field: R09 does not match, the statute still does',
    facts: { ...person, flags: { majorPublicInterest: true }, level: '县级', field: '交通运输' },
    proposal: proposal('warning'),
    matched: ['LAW-PUBLIC-INTEREST'],
  },
  {
    name: 'major public interest where the case names no level or field: the rule is not escaped',
    facts: { ...person, flags: { majorPublicInterest: true } },
    proposal: proposal('warning'),
    matched: ['LAW-PUBLIC-INTEREST', 'R09'],
  },
  {
    name: 'major public interest at another level',
    facts: { ...person, flags: { majorPublicInterest: true }, level: '市级', field: '民政' },
    proposal: proposal('warning'),
    matched: ['LAW-PUBLIC-INTEREST'],
  },
  {
    name: 'complex, several legal relationships',
    facts: { ...person, flags: { complex: true } },
    proposal: proposal('warning'),
    matched: ['LAW-COMPLEX'],
  },
  {
    name: 'major rights of a third party',
    facts: { ...person, flags: { majorRights: true } },
    matched: ['LAW-MAJOR-RIGHTS'],
  },
  { name: 'a licensing decision with no trigger', facts: { ...person, category: 'licensing' }, matched: [] },
];

describe('the review catalog decides which decisions are major', () => {
  const involvedRule = {
    code: 'R10',
    title: '涉案金额五十万元以上的案件',
    minAmount: 500_000,
    amountBasis: 'involved' as const,
  };
  it.each([
    { involved: 499_999.99, fine: 1000, matched: false },
    { involved: 500_000, fine: 1000, matched: true },
    { involved: undefined, fine: 1000, matched: true },
  ])(
    '[REV-2] a rule on the amount involved (涉案金额 $involved, fine $fine) matches: $matched',
    ({ involved, fine, matched }) => {
      const result = reviewRequirement({ ...person, amountInvolved: involved }, proposal('fine', fine), [
        involvedRule,
      ]);
      expect(result.matched.some((rule) => rule.code === 'R10')).toBe(matched);
    },
  );

  it.each(table)('[REV-2] [LAW-3] $name -> $matched', ({ facts, proposal: proposed, matched }) => {
    const result = reviewRequirement(facts, proposed, countyReviewCatalog);
    expect(result.matched.map((rule) => rule.code).sort()).toEqual([...matched].sort());
    expect(result.required).toBe(matched.length > 0);
  });

  it('[LAW-3] the statutory triggers apply without any catalog', () => {
    const result = reviewRequirement({ ...person, hearingHeld: true }, undefined, undefined);
    expect(result).toEqual({
      required: true,
      matched: [{ code: 'LAW-HEARING', title: '经过听证程序作出', source: 'statute' }],
    });
  });

  it('[REV-2] a matched rule carries its text, for the handler and the reviewer', () => {
    const result = reviewRequirement(person, proposal('fine', 20000), countyReviewCatalog);
    expect(result.matched).toEqual([{ code: 'R01', title: '对公民处以1万元以上罚款', source: 'catalog' }]);
  });
});
