import { ulid } from 'ulid';
import type { Principal } from '#shared/auth.ts';
import { legalDateOf } from '#shared/dates.ts';
import { type Decision, lastRevocation } from '#shared/domain/cases/case.ts';
import { proposalShapeErrors } from '#shared/domain/cases/procedure.ts';
import { canTransition, openTransitions } from '#shared/domain/cases/state-machine.ts';
import { exemptionFor } from '#shared/domain/public-record.ts';
import { type Publication, periodMonthsFor } from '#shared/domain/publication.ts';
import { type Proposal, proposalDifferences } from '#shared/domain/reviews/proposal.ts';
import { approvalStands, approvers } from '#shared/domain/reviews/separation.ts';
import { Conflict, Forbidden, RuleViolation, ValidationFailed } from '#shared/errors.ts';
import type { PublicationRepository } from '#shared/store/publication-repository.ts';
import { heldDeadline } from '#shared/use-cases/calendar.ts';
import { assertAvComplete, changeCase, commitCaseChange } from '#shared/use-cases/cases.ts';
import { assertProcedureComplete } from '#shared/use-cases/procedure.ts';
import { publicationRule } from '#shared/use-cases/publications.ts';
import { proposalHash, type ReviewPorts, requirementFor } from '#shared/use-cases/reviews.ts';

export interface DecisionPorts extends ReviewPorts {
  publications: PublicationRepository;
  scheduleDueDate: (publication: { id: string; dueBy: string | null }) => Promise<void>;
}

/**
 * Issues a case's decision. A decision the catalog makes major needs an approved review of this
 * very proposal (REV-2, LAW-3, LAW-12); a suspected crime blocks it; every activity that needs AV
 * has it (REC-11); the statutory procedure is complete (LAW-10, LAW-11). The decision, its publication with
 * its legal deadline (PUB-9) and the journal entry are one transaction.
 */
export async function issueDecision(
  ports: DecisionPorts,
  principal: Principal,
  caseId: string,
  proposal: Proposal,
) {
  return changeCase(ports, principal, caseId, async (record) => {
    if (record.decision && record.status !== 'pending-decision') {
      throw new Conflict('本案已作出决定', [{ path: 'id', message: record.decision.id }]);
    }
    if (!canTransition(record.status, 'decided')) {
      const allowed = openTransitions(record.status);
      throw new RuleViolation(
        'INVALID_TRANSITION',
        '案件尚未到待决定阶段，不能作出决定',
        [{ path: 'status', message: `当前状态：${record.status}` }],
        { allowed },
      );
    }
    const reviews = (
      await Promise.all((record.reviewIds ?? []).map((id) => ports.reviews.get(principal.agencyId, id)))
    ).filter((review) => review !== undefined);
    const transferred = reviews.find((review) => review.status === 'transferred');
    if (transferred) {
      throw new RuleViolation(
        'CRIMINAL_TRANSFER',
        '法制审核认为涉嫌犯罪，已移送司法机关，不能作出行政处罚决定',
        [{ path: 'review', message: transferred.id }],
      );
    }
    const shape = proposalShapeErrors(record.category, proposal);
    if (shape.length > 0) throw new ValidationFailed(shape, '决定内容不完整或与案件类别不符');
    const requirement = await requirementFor(ports, record, proposal);
    const hash = proposalHash(proposal);
    const unused = reviews.filter(
      (review) => review.status === 'approved' && review.usedByDecision === undefined,
    );
    // An approval stands only if given after the last revocation, by people still outside the case.
    const approved = unused.filter((review) => approvalStands(review, record, lastRevocation(record)));
    const approval = requirement.required
      ? approved.find((review) => review.proposalHash === hash)
      : undefined;
    if (approval && approvers(approval).includes(principal.sub)) {
      throw new Forbidden('审核与决定分离：您审核或裁决了本决定，不能由您作出该决定');
    }
    if (requirement.required && !approval) {
      const lapsed =
        unused.length > approved.length
          ? [{ path: 'review', message: '原审核意见在决定撤回前作出，或审核人员后来参与了本案办理，已失效' }]
          : [];
      const lastApproved = approved.at(-1)?.proposal;
      const differences = lastApproved ? proposalDifferences(lastApproved, proposal) : [];
      // The refused proposal is recorded (and journaled): a review submitted next reviews it.
      if (record.proposal === undefined || proposalHash(record.proposal) !== hash) {
        await commitCaseChange(
          ports,
          record,
          principal,
          'decision.review-required',
          { proposalHash: hash, rules: requirement.matched.map((rule) => rule.code) },
          { proposal },
        );
      }
      throw new RuleViolation(
        'REVIEW_REQUIRED',
        approved.length > 0
          ? '决定内容与法制审核通过的方案不一致，须重新审核'
          : '本决定属于重大执法决定，须经法制审核通过后方可作出',
        [
          ...differences,
          ...lapsed,
          ...requirement.matched.map((rule) => ({ path: 'review', message: `${rule.code}：${rule.title}` })),
        ],
        { rules: requirement.matched },
      );
    }
    await assertAvComplete(ports, record);
    await assertProcedureComplete(ports, record, proposal);
    const now = ports.now();
    const decidedOn = legalDateOf(now);
    const rule = await publicationRule(ports, record.agencyId, record.category);
    const workingDays = rule.workingDays;
    const exemption = exemptionFor(record);
    const previous = record.decision
      ? await ports.publications.get(record.agencyId, record.decision.publicationId)
      : undefined;
    const due = await heldDeadline(ports, decidedOn, workingDays);
    const decision: Decision = {
      ...proposal,
      id: ulid(),
      decidedAt: now.toISOString(),
      decidedOn,
      decidedBy: principal.sub,
      ...(approval ? { reviewId: approval.id } : {}),
      publicationId: ulid(),
    };
    const publication: Publication = {
      id: decision.publicationId,
      agencyId: record.agencyId,
      caseId,
      ...(record.unitId ? { unitId: record.unitId } : {}),
      decisionId: decision.id,
      category: record.category,
      status: exemption ? 'exempt' : due.dueBy ? 'scheduled' : 'deadline-unconfirmed',
      decidedOn,
      workingDays,
      dueBy: due.dueBy,
      calendarVersions: due.calendarVersions,
      periodMonths: periodMonthsFor(rule, proposal.penalty),
      ...(exemption
        ? { exemption: { reason: exemption, by: 'system:desensitising', at: now.toISOString() } }
        : {}),
      ...(previous ? { replaces: previous.id } : {}),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    };
    await commitCaseChange(
      ports,
      record,
      principal,
      'decision.issued',
      {
        decisionId: decision.id,
        type: proposal.type,
        ...(proposal.penalty ? { penalty: proposal.penalty } : {}),
        proposalHash: hash,
        ...(approval ? { reviewId: approval.id } : {}),
        publicationId: publication.id,
        publicationDueBy: due.dueBy,
      },
      {
        status: 'decided',
        decision,
        ...(record.decision
          ? { previousDecisions: [...(record.previousDecisions ?? []), record.decision] }
          : {}),
      },
      [
        ports.publications.put(publication),
        ...(previous
          ? [
              ports.publications.put(
                { ...previous, replacedBy: publication.id, version: previous.version + 1 },
                previous,
              ),
            ]
          : []),
        ...(approval
          ? [
              ports.reviews.put(
                { ...approval, usedByDecision: decision.id, version: approval.version + 1 },
                approval,
              ),
            ]
          : []),
      ],
    );
    await ports.scheduleDueDate(publication);
    return {
      decisionId: decision.id,
      decidedAt: decision.decidedAt,
      publication: { id: publication.id, dueBy: publication.dueBy, status: publication.status },
    };
  });
}
