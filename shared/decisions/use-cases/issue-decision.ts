import { ulid } from 'ulid';
import {
  decisionContent,
  decisionDocumentFields,
  decisionDocumentType,
  decisionSource,
} from '#shared/decisions/domain/decision-document.ts';
import { type IssuanceFacts, issuanceVerdict, issuedDecision } from '#shared/decisions/domain/issuance.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { heldDeadline } from '#shared/kernel/use-cases/calendar.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';
import {
  proposalHash,
  type ReviewPorts,
  requirementFor,
} from '#shared/legal-review/use-cases/review-access.ts';
import type { PublicRecord } from '#shared/publicity/domain/public-record.ts';
import type { PublicationRepository } from '#shared/publicity/store/publication-repository.ts';
import { publicationRule } from '#shared/publicity/use-cases/publication-access.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import {
  DECISION_DOCUMENT_TYPES,
  type DocumentType,
  documentLabel,
} from '#shared/recording/domain/documents.ts';
import { simpleFineFacts } from '#shared/recording/domain/procedure.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';
import { getCase, readCase } from '#shared/recording/use-cases/case-access.ts';
import { caseAvGaps } from '#shared/recording/use-cases/case-activities.ts';
import { changeCase, commitCaseChange } from '#shared/recording/use-cases/case-commit.ts';
import { numberedDocument } from '#shared/recording/use-cases/case-documents.ts';
import { caseProcedure, type ProcedureView } from '#shared/recording/use-cases/procedure.ts';

export interface DecisionPorts extends ReviewPorts {
  publications: Port<PublicationRepository>;
  scheduleDueDate: (publication: { id: string; dueBy: string | null }) => Promise<void>;
}

/** The case's reviews, oldest first. */
async function caseReviews(ports: DecisionPorts, record: CaseRecord): Promise<Review[]> {
  const reviews = await Promise.all(
    (record.reviewIds ?? []).map((id) => ports.reviews.get(record.agencyId, id)),
  );
  return reviews.filter((review) => review !== undefined);
}

/** The case's reviews and documents, and what its decision's content comes from (REC-12). */
async function decisionMaterials(ports: DecisionPorts, record: CaseRecord) {
  const [reviews, documents] = await Promise.all([
    caseReviews(ports, record),
    ports.cases.documents(record.agencyId, record.id),
  ]);
  return { reviews, documents, source: decisionSource(record, reviews, documents) };
}

/** What the issuance rule looks at, read once: the reviews, the catalog, AV and the procedure. */
async function issuanceFacts(
  ports: DecisionPorts,
  principal: Principal,
  record: CaseRecord,
  proposal: Proposal,
  reviews: readonly Review[],
): Promise<{ facts: IssuanceFacts; simpleFines: ProcedureView['simpleFines'] }> {
  const [requirement, avGaps, procedure] = await Promise.all([
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
      reviews,
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
 * Issues a case's decision: its content taken from the approved proposal or the prior notice,
 * with what the client gave checked against it (REC-12); the facts read once, the rule decided by
 * `issuanceVerdict` (pure, `shared/decisions/domain/issuance.ts`), then one transaction of the
 * decision, its document (决定书) with its number, its publication with its legal deadline
 * (PUB-9), the approval it used and the journal entry.
 */
export async function issueDecision(
  ports: DecisionPorts,
  principal: Principal,
  caseId: string,
  input: Partial<Proposal>,
) {
  return changeCase(ports, principal, caseId, async (record) => {
    const { reviews, documents, source } = await decisionMaterials(ports, record);
    const proposal = decisionContent(input, source);
    const { facts, simpleFines } = await issuanceFacts(ports, principal, record, proposal, reviews);
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
    const type = decisionDocumentType(record.category, proposal);
    const { document, writes } = await numberedDocument(ports, principal, record, {
      type,
      title: documentLabel(type),
      fields: decisionDocumentFields(type, proposal, documents),
    });
    const { decision, publication } = issuedDecision({
      record,
      proposal,
      approval,
      decidedBy: principal.sub,
      now,
      decidedOn,
      ids: { decision: ulid(), publication: ulid() },
      document,
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
        document: decision.document,
      },
      {
        status: 'decided',
        decision,
        ...(record.decision
          ? { previousDecisions: [...(record.previousDecisions ?? []), record.decision] }
          : {}),
      },
      [
        ...writes,
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
      document: { recordId: document.id, number: document.number, sha256: document.sha256 },
    };
  });
}

/**
 * What the decision would say if issued now (REC-12), for the form that issues it: the approved
 * proposal not yet used, or else the last prior notice, or nothing; the same source the decision
 * itself is made from.
 */
export async function decisionDraft(ports: DecisionPorts, principal: Principal, caseId: string) {
  const { source } = await decisionMaterials(ports, await readCase(ports, principal, caseId));
  if (!source) return { source: null, proposal: {} };
  return source.from === 'review'
    ? { source: 'review' as const, reviewId: source.reviewId, proposal: source.proposal }
    : { source: 'notice' as const, noticeNumber: source.number, proposal: source.proposal };
}

/**
 * One-off (REC-12): every decision made before decisions were documents gets its 决定书. The
 * decision document the case already holds (made by hand, on or before the decision) is linked,
 * keeping the number it was published with; otherwise one is made from the decision now, in this
 * year's series. The case's decision, its publication and, if published, its public record then
 * carry the number. Idempotent: a publication with a number is skipped.
 */
export async function documentOldDecisions(ports: DecisionPorts): Promise<{ documented: string[] }> {
  const documented: string[] = [];
  for (const agencyId of await ports.agencies.ids()) {
    const system: Principal = { sub: 'system:decision-documents', name: '决定书补制', agencyId, roles: [] };
    for (const { id, documentNumber } of await ports.publications.list(agencyId)) {
      if (documentNumber) continue;
      await withRetry(async () => {
        const publication = await ports.publications.get(agencyId, id);
        if (!publication || publication.documentNumber) return;
        const record = await getCase(ports, agencyId, publication.caseId);
        const decision = [record.decision, ...(record.previousDecisions ?? [])].find(
          (candidate) => candidate?.id === publication.decisionId,
        );
        if (!decision) return;
        const documents = await ports.cases.documents(agencyId, record.id);
        const held = decision.document
          ? documents.find((document) => document.id === decision.document?.recordId)
          : documents
              .filter((document) => DECISION_DOCUMENT_TYPES.includes(document.type as DocumentType))
              .filter((document) => document.createdAt <= decision.decidedAt)
              .at(-1);
        const type = decisionDocumentType(record.category, decision);
        const made = held
          ? { document: held, writes: [] }
          : await numberedDocument(ports, system, record, {
              type,
              title: documentLabel(type),
              fields: decisionDocumentFields(type, decision, documents),
            });
        const document = {
          recordId: made.document.id,
          number: made.document.number,
          sha256: made.document.sha256,
        };
        const documentedDecision = { ...decision, document };
        const publicRecord =
          publication.status === 'published'
            ? await ports.publications.getPublicRecord(publication.id)
            : undefined;
        const { feedAt, ...listed } = publicRecord ?? {};
        await commitCaseChange(
          ports,
          record,
          system,
          'decision.documented',
          { decisionId: decision.id, document },
          record.decision?.id === decision.id
            ? { decision: documentedDecision }
            : {
                previousDecisions: (record.previousDecisions ?? []).map((previous) =>
                  previous.id === decision.id ? documentedDecision : previous,
                ),
              },
          [
            ...made.writes,
            ports.publications.put(
              {
                ...publication,
                documentNumber: document.number,
                updatedAt: ports.now().toISOString(),
                version: publication.version + 1,
              },
              publication,
            ),
            ...(publicRecord
              ? [
                  ports.publications.putPublicRecord(
                    agencyId,
                    { ...(listed as unknown as PublicRecord), documentNo: document.number },
                    true,
                    typeof feedAt === 'string' ? feedAt : undefined,
                  ),
                ]
              : []),
          ],
        );
        documented.push(decision.id);
      });
    }
  }
  return { documented };
}
