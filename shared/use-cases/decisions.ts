import { ulid } from 'ulid';
import type { Principal } from '#shared/auth.ts';
import { legalDateOf } from '#shared/dates.ts';
import type { CaseRecord } from '#shared/domain/cases/case.ts';
import { type IssuanceFacts, issuanceVerdict, issuedDecision } from '#shared/domain/cases/issuance.ts';
import { simpleFineFacts } from '#shared/domain/cases/procedure.ts';
import type { Proposal } from '#shared/domain/reviews/proposal.ts';
import type { Port } from '#shared/store/port.ts';
import type { PublicationRepository } from '#shared/store/publication-repository.ts';
import { heldDeadline } from '#shared/use-cases/calendar.ts';
import { caseAvGaps, changeCase, commitCaseChange } from '#shared/use-cases/cases.ts';
import { caseProcedure, type ProcedureView } from '#shared/use-cases/procedure.ts';
import { publicationRule } from '#shared/use-cases/publications.ts';
import { proposalHash, type ReviewPorts, requirementFor } from '#shared/use-cases/reviews.ts';

export interface DecisionPorts extends ReviewPorts {
  publications: Port<PublicationRepository>;
  scheduleDueDate: (publication: { id: string; dueBy: string | null }) => Promise<void>;
}

/** What the issuance rule looks at, read once: the reviews, the catalog, AV and the procedure. */
async function issuanceFacts(
  ports: DecisionPorts,
  principal: Principal,
  record: CaseRecord,
  proposal: Proposal,
): Promise<{ facts: IssuanceFacts; simpleFines: ProcedureView['simpleFines'] }> {
  const [reviews, requirement, avGaps, procedure] = await Promise.all([
    Promise.all((record.reviewIds ?? []).map((id) => ports.reviews.get(principal.agencyId, id))),
    requirementFor(ports, record, proposal),
    caseAvGaps(ports, record),
    caseProcedure(ports, record, proposal),
  ]);
  return {
    facts: {
      record,
      proposal,
      proposalHash: proposalHash(proposal),
      decidedBy: principal.sub,
      reviews: reviews.filter((review) => review !== undefined),
      requirement,
      avGaps,
      procedure,
    },
    simpleFines: procedure.simpleFines,
  };
}

/**
 * A simple-procedure fine joins its party's tally for the period (art. 51), in the decision's own
 * transaction: a decision made at the same time on the same party loses the race and is checked
 * again against the sum.
 */
function tallied(
  ports: DecisionPorts,
  simpleFines: ProcedureView['simpleFines'],
  caseId: string,
  proposal: Proposal,
  matterId: string | undefined,
  decidedOn: string,
) {
  const penalty = proposal.penalty;
  if (!simpleFines || penalty?.kind !== 'fine' || penalty.amount === undefined) return [];
  const { key, tally } = simpleFines;
  const fines = [
    ...(tally?.fines ?? []).filter((fine) => fine.caseId !== caseId),
    { caseId, amount: penalty.amount, decidedOn, facts: simpleFineFacts(matterId, proposal.legalBasis) },
  ];
  return [ports.cases.putSimpleFines({ ...key, fines, version: (tally?.version ?? 0) + 1 }, tally)];
}

/**
 * Issues a case's decision: the facts read once, the rule decided by `issuanceVerdict` (pure,
 * `shared/domain/cases/issuance.ts`), then one transaction of the decision, its publication with
 * its legal deadline (PUB-9), the approval it used and the journal entry.
 */
export async function issueDecision(
  ports: DecisionPorts,
  principal: Principal,
  caseId: string,
  proposal: Proposal,
) {
  return changeCase(ports, principal, caseId, async (record) => {
    const { facts, simpleFines } = await issuanceFacts(ports, principal, record, proposal);
    const verdict = issuanceVerdict(facts);
    if (!verdict.allowed) {
      // The refused proposal is recorded (and journaled): a review submitted next reviews it.
      if (
        verdict.keepProposal &&
        (record.proposal === undefined || proposalHash(record.proposal) !== facts.proposalHash)
      ) {
        await commitCaseChange(
          ports,
          record,
          principal,
          'decision.review-required',
          {
            proposalHash: facts.proposalHash,
            rules: facts.requirement.matched.map((rule) => rule.code),
          },
          { proposal },
        );
      }
      throw verdict.error;
    }
    const { approval } = verdict;
    const now = ports.now();
    const decidedOn = legalDateOf(now);
    const rule = await publicationRule(ports, record.agencyId, record.category);
    const [previous, due] = await Promise.all([
      record.decision
        ? ports.publications.get(record.agencyId, record.decision.publicationId)
        : Promise.resolve(undefined),
      heldDeadline(ports, decidedOn, rule.workingDays),
    ]);
    const { decision, publication } = issuedDecision({
      record,
      proposal,
      approval,
      decidedBy: principal.sub,
      now,
      decidedOn,
      ids: { decision: ulid(), publication: ulid() },
      rule,
      due,
      previous,
    });
    await commitCaseChange(
      ports,
      record,
      principal,
      'decision.issued',
      {
        decisionId: decision.id,
        type: proposal.type,
        ...(proposal.penalty ? { penalty: proposal.penalty } : {}),
        proposalHash: facts.proposalHash,
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
        ...tallied(ports, simpleFines, record.id, proposal, record.matterId, decidedOn),
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
