import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import type { EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import type { CaseFlags } from '#shared/recording/domain/case.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';

export interface CaseFacts {
  category: EnforcementCategory;
  partyKind: 'person' | 'organization';
  flags: CaseFlags;
  hearingHeld: boolean;
  /** 涉案金额, in yuan. */
  amountInvolved?: number | undefined;
  /** The case's field (领域). */
  field?: string | undefined;
  /** The agency's level (层级), e.g. 县级. */
  level?: string | undefined;
}

export interface MatchedRule {
  code: string;
  title: string;
  source: 'statute' | 'catalog';
}

/**
 * The triggers of the plan (REV-2) and of 行政处罚法 art. 58 (LAW-3) that apply whatever an
 * agency's catalog says; where the two differ the stricter applies (a hearing alone, or major
 * rights alone, is enough).
 */
const statutoryTriggers: { code: string; title: string; applies: (facts: CaseFacts) => boolean }[] = [
  {
    code: 'LAW-PUBLIC-INTEREST',
    title: '涉及重大公共利益',
    applies: (facts) => facts.flags.majorPublicInterest === true,
  },
  {
    code: 'LAW-SOCIAL-IMPACT',
    title: '可能造成重大社会影响或引发社会风险',
    applies: (facts) => facts.flags.majorSocialImpact === true,
  },
  {
    code: 'LAW-MAJOR-RIGHTS',
    title: '直接关系当事人或者第三人重大权益',
    applies: (facts) => facts.flags.majorRights === true,
  },
  { code: 'LAW-HEARING', title: '经过听证程序作出', applies: (facts) => facts.hearingHeld },
  {
    code: 'LAW-COMPLEX',
    title: '案件情况疑难复杂、涉及多个法律关系',
    applies: (facts) => facts.flags.complex === true,
  },
];

/**
 * A catalog rule matches when every condition it states holds; a rule that states none matches
 * nothing. A condition the case's facts cannot decide (no field, no level, no amount involved)
 * holds: the catalog fails closed, so silence never escapes a review (REV-2).
 */
export function ruleMatches(
  rule: ChecklistItem<'review-catalog'>,
  facts: CaseFacts,
  proposal: Proposal | undefined,
): boolean {
  const conditions: boolean[] = [];
  if (rule.category !== undefined) conditions.push(rule.category === facts.category);
  // Level and field narrow a rule to the agencies and cases they name; where the case does not
  // say, the rule is not escaped by silence (the stricter reading).
  if (rule.level !== undefined) conditions.push(facts.level === undefined || rule.level === facts.level);
  if (rule.field !== undefined) conditions.push(facts.field === undefined || rule.field === facts.field);
  if (rule.penaltyKinds !== undefined) {
    conditions.push(proposal?.penalty !== undefined && rule.penaltyKinds.includes(proposal.penalty.kind));
  }
  if (rule.partyKind !== undefined) conditions.push(rule.partyKind === facts.partyKind);
  if (rule.minAmount !== undefined) {
    const minAmount = rule.minAmount;
    const reaches = (amount: number | undefined) => amount !== undefined && amount >= minAmount;
    const penalty = reaches(proposal?.penalty?.amount);
    // An amount involved the case does not state cannot be shown to be below the rule's.
    const involved = facts.amountInvolved === undefined || reaches(facts.amountInvolved);
    const basis = rule.amountBasis ?? 'penalty';
    conditions.push(basis === 'penalty' ? penalty : basis === 'involved' ? involved : penalty || involved);
  }
  if (rule.hearingHeld !== undefined) conditions.push(rule.hearingHeld === facts.hearingHeld);
  if (rule.outsideDiscretionBenchmark !== undefined) {
    conditions.push(rule.outsideDiscretionBenchmark === (proposal?.outsideDiscretionBenchmark === true));
  }
  if (rule.caseFlags !== undefined)
    conditions.push(rule.caseFlags.some((flag) => facts.flags[flag] === true));
  return conditions.length > 0 && conditions.every(Boolean);
}

/**
 * Whether a decision must pass legal review before it is issued (REV-2, LAW-3), and why: a pure
 * function of the case, the proposed decision and the agency's published catalog in force.
 */
export function reviewRequirement(
  facts: CaseFacts,
  proposal: Proposal | undefined,
  catalog: readonly ChecklistItem<'review-catalog'>[] | undefined,
): { required: boolean; matched: MatchedRule[] } {
  const matched: MatchedRule[] = [
    ...statutoryTriggers
      .filter((trigger) => trigger.applies(facts))
      .map((trigger) => ({ code: trigger.code, title: trigger.title, source: 'statute' as const })),
    ...(catalog ?? [])
      .filter((rule) => ruleMatches(rule, facts, proposal))
      .map((rule) => ({ code: rule.code, title: rule.title, source: 'catalog' as const })),
  ];
  return { required: matched.length > 0, matched };
}
