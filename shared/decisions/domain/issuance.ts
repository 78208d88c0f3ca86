import { dateText } from '#shared/kernel/dates.ts';
import {
  Conflict,
  type DomainError,
  Forbidden,
  RuleViolation,
  ValidationFailed,
} from '#shared/kernel/errors.ts';
import type { MatchedRule } from '#shared/legal-review/domain/catalog.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';
import { approvalStands, approvers } from '#shared/legal-review/domain/separation.ts';
import { exemptionFor } from '#shared/publicity/domain/public-record.ts';
import {
  type Publication,
  type PublicationRule,
  periodMonthsFor,
  readyEarly,
} from '#shared/publicity/domain/publication.ts';
import { type AvGap, avViolation } from '#shared/recording/domain/av-requirement.ts';
import { type CaseRecord, type Decision, lastRevocation } from '#shared/recording/domain/case.ts';
import type { CaseDocument } from '#shared/recording/domain/documents.ts';
import { proposalShapeErrors, type StepState } from '#shared/recording/domain/procedure.ts';
import { type Proposal, proposalDifferences } from '#shared/recording/domain/proposal.ts';
import { canTransition, caseStatusLabels, openTransitions } from '#shared/recording/domain/state-machine.ts';

/** LAW-10, LAW-11: the steps not yet done, one detail each, or nothing. */
export function procedureViolation(procedure: {
  procedureName: string;
  steps: readonly StepState[];
}): RuleViolation | undefined {
  const missing = procedure.steps.filter((step) => step.status !== 'done');
  if (missing.length === 0) return undefined;
  return new RuleViolation(
    'PROCEDURE_INCOMPLETE',
    `${procedure.procedureName}尚未完成法定步骤，不能作出决定`,
    missing.map((step) => ({ path: `steps.${step.step}`, message: `${step.label}：${step.detail}` })),
    { steps: procedure.steps },
  );
}

/** Everything the rule "may this decision be issued?" looks at, loaded once by the use case. */
export interface IssuanceFacts {
  record: CaseRecord;
  proposal: Proposal;
  /** The proposal's binding hash: a review approves exactly this. */
  proposalHash: string;
  /** Who issues it. */
  decidedBy: string;
  /** The case's reviews. */
  reviews: readonly Review[];
  /** Whether the catalog makes the decision major, and which rules say so (REV-2). */
  requirement: { required: boolean; matched: readonly MatchedRule[] };
  /** Activities that need AV and lack it (REC-11). */
  avGaps: readonly AvGap[];
  /** The statutory steps before this decision, as the case holds them (LAW-10, LAW-11). */
  procedure: { procedureName: string; steps: readonly StepState[] };
}

export type IssuanceVerdict =
  | { allowed: true; approval: Review | undefined }
  | {
      allowed: false;
      error: DomainError;
      /** A major decision refused for want of review: keep the proposal, the next review reviews it. */
      keepProposal: boolean;
    };

const refused = (error: DomainError, keepProposal = false): IssuanceVerdict => ({
  allowed: false,
  error,
  keepProposal,
});

/**
 * May this decision be issued (REV-2, LAW-3, LAW-10, LAW-11, LAW-12, REC-11)? A pure function of
 * what the case holds: not decided yet and pending decision; no criminal transfer; a proposal
 * whose shape fits the category; for a major decision an approved review of this very proposal,
 * standing (after the last revocation, by people still outside the case) and not by the person
 * who issues it; every activity's AV; every statutory step. The first rule broken answers.
 */
export function issuanceVerdict(facts: IssuanceFacts): IssuanceVerdict {
  const { record, proposal, proposalHash: hash, reviews, requirement } = facts;
  if (record.decision && record.status !== 'pending-decision')
    return refused(new Conflict('本案已作出决定', [{ path: 'id', message: record.decision.id }]));
  if (!canTransition(record.status, 'decided'))
    return refused(
      new RuleViolation(
        'INVALID_TRANSITION',
        '案件尚未到待决定阶段，不能作出决定',
        [{ path: 'status', message: `当前状态：${caseStatusLabels[record.status]}` }],
        { allowed: openTransitions(record.status) },
      ),
    );
  const transferred = reviews.find((review) => review.status === 'transferred');
  if (transferred)
    return refused(
      new RuleViolation('CRIMINAL_TRANSFER', '法制审核认为涉嫌犯罪，已移送司法机关，不能作出行政处罚决定', [
        { path: 'review', message: transferred.id },
      ]),
    );
  const shape = proposalShapeErrors(record.category, proposal);
  if (shape.length > 0) return refused(new ValidationFailed(shape, '决定内容不完整或与案件类别不符'));

  const unused = reviews.filter(
    (review) => review.status === 'approved' && review.usedByDecision === undefined,
  );
  const approved = unused.filter((review) => approvalStands(review, record, lastRevocation(record)));
  const approval = requirement.required ? approved.find((review) => review.proposalHash === hash) : undefined;
  if (approval && approvers(approval).includes(facts.decidedBy))
    return refused(new Forbidden('审核与决定分离：您审核或裁决了本决定，不能由您作出该决定'));
  if (requirement.required && !approval) {
    const lapsed =
      unused.length > approved.length
        ? [{ path: 'review', message: '原审核意见在决定撤回前作出，或审核人员后来参与了本案办理，已失效' }]
        : [];
    const lastApproved = approved.at(-1)?.proposal;
    return refused(
      new RuleViolation(
        'REVIEW_REQUIRED',
        approved.length > 0
          ? '决定内容与法制审核通过的方案不一致，须重新审核'
          : '本决定属于重大执法决定，须经法制审核通过后方可作出',
        [
          ...(lastApproved ? proposalDifferences(lastApproved, proposal) : []),
          ...lapsed,
          ...requirement.matched.map((rule) => ({ path: 'review', message: `${rule.code}：${rule.title}` })),
        ],
        { rules: requirement.matched },
      ),
      true,
    );
  }
  const av = avViolation(facts.avGaps);
  if (av) return refused(av);
  const procedure = procedureViolation(facts.procedure);
  if (procedure) return refused(procedure);
  return { allowed: true, approval };
}

/** What issuing writes, besides the case: the decision and its publication with its deadline (PUB-9). */
export function issuedDecision(input: {
  record: CaseRecord;
  proposal: Proposal;
  approval: Review | undefined;
  decidedBy: string;
  now: Date;
  decidedOn: string;
  ids: { decision: string; publication: string };
  /** The decision's own document (决定书). */
  document: Pick<CaseDocument, 'id' | 'number' | 'sha256'>;
  rule: PublicationRule;
  due: { dueBy: string | null; calendarVersions: Record<string, number> };
  /** The publication of the decision this one replaces (after a revocation), if any. */
  previous: Publication | undefined;
}): { decision: Decision; publication: Publication } {
  const { record, proposal, approval, now, decidedOn, rule, due, previous } = input;
  const exemption = exemptionFor(record);
  const decision: Decision = {
    ...proposal,
    id: input.ids.decision,
    decidedAt: now.toISOString(),
    decidedOn,
    decidedBy: input.decidedBy,
    ...(approval ? { reviewId: approval.id } : {}),
    publicationId: input.ids.publication,
    document: { recordId: input.document.id, number: input.document.number, sha256: input.document.sha256 },
  };
  const publication: Publication = {
    id: input.ids.publication,
    agencyId: record.agencyId,
    caseId: record.id,
    ...(record.unitId ? { unitId: record.unitId } : {}),
    caseTitle: record.title,
    partyName: record.party.name,
    decisionId: decision.id,
    documentNumber: input.document.number,
    category: record.category,
    status: exemption ? 'exempt' : due.dueBy ? 'scheduled' : 'deadline-unconfirmed',
    decidedOn,
    workingDays: rule.workingDays,
    dueBy: due.dueBy,
    calendarVersions: due.calendarVersions,
    periodMonths: periodMonthsFor(rule, proposal.penalty),
    // Decided now: ready at once when its rule publishes on decision and no confirmation is needed.
    ready: readyEarly(rule, { status: 'decided', party: record.party }, false),
    ...(exemption
      ? { exemption: { reason: exemption, by: 'system:desensitising', at: now.toISOString() } }
      : {}),
    ...(previous ? { replaces: previous.id } : {}),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  return { decision, publication };
}

export type RevocationVerdict =
  | { allowed: true; decision: Decision }
  | { allowed: false; error: DomainError };

/**
 * May this decision be revoked (PUB-11)? Issuing's mirror, a pure function of the case and the
 * day: a decision there is, not revoked before, in a status that may move to revoked (a decision
 * in force), and a revocation that took effect on a day between the decision's and today.
 */
export function revocationVerdict(facts: {
  record: CaseRecord;
  effectiveOn: string;
  today: string;
}): RevocationVerdict {
  const { record, effectiveOn, today } = facts;
  const status = `案件当前状态：${caseStatusLabels[record.status]}`;
  const refuse = (error: DomainError): RevocationVerdict => ({ allowed: false, error });
  const decision = record.decision;
  if (!decision)
    return refuse(
      new RuleViolation('NO_DECISION', '本案没有可撤回的决定', [{ path: 'id', message: status }]),
    );
  if (record.status === 'revoked' || decision.revokedAt !== undefined)
    return refuse(new Conflict('该决定已被撤回，不能重复撤回', [{ path: 'id', message: status }]));
  if (!canTransition(record.status, 'revoked'))
    return refuse(
      new RuleViolation(
        'INVALID_TRANSITION',
        `案件处于“${caseStatusLabels[record.status]}”状态，决定尚未生效，不能撤回`,
        [{ path: 'id', message: status }],
        { allowed: openTransitions(record.status) },
      ),
    );
  if (effectiveOn > today)
    return refuse(new ValidationFailed([{ path: 'effectiveOn', message: '撤销决定的生效日期不能晚于今天' }]));
  if (effectiveOn < decision.decidedOn)
    return refuse(
      new ValidationFailed([
        {
          path: 'effectiveOn',
          message: `撤销决定的生效日期不能早于原决定日期（${dateText(decision.decidedOn)}）`,
        },
      ]),
    );
  return { allowed: true, decision };
}
