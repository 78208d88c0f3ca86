import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { currentEdition } from '#shared/checklists/use-cases/checklists.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { canonicalJson, sha256Hex } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { CalendarRepository } from '#shared/kernel/store/calendar-repository.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { type CaseFacts, reviewRequirement } from '#shared/legal-review/domain/catalog.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';
import type { ReviewRepository } from '#shared/legal-review/store/review-repository.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import { type Proposal, proposalBinding } from '#shared/recording/domain/proposal.ts';
import { type CasePorts, readCase } from '#shared/recording/use-cases/case-access.ts';

export interface ReviewPorts extends CasePorts {
  reviews: Port<ReviewRepository>;
  calendars: Port<CalendarRepository>;
}

/** Working days the review office has for a review (REV-5), unless the agency sets its own. */
export const REVIEW_WORKING_DAYS = 7;

export function caseFacts(record: CaseRecord, level?: string): CaseFacts {
  return {
    category: record.category,
    partyKind: record.party.kind,
    flags: record.flags,
    hearingHeld: record.hearingHeld === true,
    amountInvolved: record.amountInvolved,
    field: record.field,
    level,
  };
}

/** The hash that binds an approval to what it approved (LAW-12). */
export function proposalHash(proposal: Proposal): string {
  return sha256Hex(canonicalJson(proposalBinding(proposal)));
}

/** Does this case's proposed decision need review, and which rules say so (REV-2). */
export async function requirementFor(ports: ReviewPorts, record: CaseRecord, proposal: Proposal | undefined) {
  const [catalog, profile] = await Promise.all([
    currentEdition(ports, record.agencyId, 'review-catalog'),
    ports.agencies.get(record.agencyId),
  ]);
  return reviewRequirement(
    caseFacts(record, profile?.level),
    proposal,
    catalog?.items as ChecklistItem<'review-catalog'>[] | undefined,
  );
}

export async function getReview(ports: ReviewPorts, agencyId: string, id: string): Promise<Review> {
  const review = await ports.reviews.get(agencyId, id);
  if (!review) throw new NotFound('法制审核不存在', [{ path: 'id', message: '未找到该审核' }]);
  return review;
}

/** A review as its reader may see it: 404 if it does not exist, 403 outside its case's scope. */
export async function readReview(ports: ReviewPorts, principal: Principal, id: string): Promise<Review> {
  const review = await getReview(ports, principal.agencyId, id);
  await readCase(ports, principal, review.caseId);
  return review;
}
