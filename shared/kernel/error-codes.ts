/**
 * Every code a refusal can carry (the `error.code` of docs/api.md's error format), declared once:
 * a code that is not here does not compile. Clients may branch on these; the wording for people
 * is the error's Chinese message. `test/unit/error-codes.test.ts` keeps the list to the codes the
 * code throws.
 */

/** The kinds' own codes: the API's general refusals. */
export const GENERAL_CODES = {
  VALIDATION_FAILED: 'the input does not read: each bad field is named in the details',
  UNAUTHENTICATED: 'nobody is signed in, or the token is not valid',
  ACCOUNT_DISABLED: 'the account was disabled by its agency (ORG-5), whatever its token says',
  FORBIDDEN: 'the caller has not the role or the scope for this',
  NOT_FOUND: 'there is no such record, or none the caller may see',
  CONFLICT: 'the record changed or exists already: read it again',
  RATE_LIMITED: 'too many requests from this caller for now: retry after `retryAfterSeconds`',
  COMPLAINT_LIMIT_REACHED: 'this network has filed its complaints of the day (SUP-1)',
} as const;

/** The business rules' codes: what the rule refused, by the system that holds it. */
export const RULE_CODES = {
  // Recording (REC-*), procedure (LAW-10, LAW-11)
  INVALID_TRANSITION: 'the case cannot move from its status to that one; `allowed` lists where it can',
  AV_REQUIRED: 'an activity that needs audio-video is open or has no archived recording (REC-11)',
  CASE_CLOSED: 'the case is closed: no activity can be recorded on it',
  DECISION_DOCUMENT: 'a decision’s document is made by the decision, not by hand (REC-12)',
  EVIDENCE_ALREADY_RECEIVED: 'this evidence was uploaded already',
  EVIDENCE_NOT_ARCHIVED: 'this evidence is not archived yet, so it cannot be retrieved',
  UNKNOWN_UPLOAD: 'there is no such multipart upload in progress',
  PROCEDURE_INCOMPLETE: 'a step the statutory procedure requires is not done; `steps` says which',
  CALENDAR_NOT_CONFIRMED: 'the holiday calendar of a year a deadline needs is not loaded',
  // Organisation (ORG-*, PUB-4)
  OFFICER_NOT_QUALIFIED: 'an officer named has no valid certificate for this category',
  CERTIFICATE_VALIDITY_EXCEEDED: 'a certificate may not be valid for longer than the rule allows',
  INVALID_STATUS_CHANGE: 'an admin cannot change the status of their own certificate',
  ACCOUNT_NOT_ACTIVE: 'the account is disabled: it cannot be changed',
  UNKNOWN_UNIT: 'the agency has no such unit',
  // Lists (PUB-1, PUB-2)
  CHECKLIST_TOO_LARGE: 'the list is larger than one edition may be',
  UNKNOWN_MATTER: 'a service guide names a matter not on the current list of matters',
  MATTER_NOT_PUBLISHED: 'the inspection item is not on the published random-inspection list',
  // Legal review (REV-*)
  REVIEW_REQUIRED: 'the decision is major and has no approved review that still stands',
  REVIEWER_NOT_QUALIFIED: 'the reviewer named may not review this case',
  MATERIALS_MISSING: 'a material the review catalog requires was not submitted',
  UNKNOWN_MATERIAL: 'a material submitted is not one of the case’s documents',
  PENALTY_EXCEEDS_NOTICE: 'the proposal is heavier than the prior notice served: notify again',
  // Decisions (LAW-12, PUB-11)
  ALREADY_DECIDED: 'the case has its decision already',
  CRIMINAL_TRANSFER: 'the review found a suspected crime and transferred the case: no penalty',
  NO_DECISION: 'the case has no decision to revoke',
  // Publicity (PUB-*)
  PUBLICATION_NOT_READY: 'the agency’s rule publishes this decision later (after service)',
  // Inspections of enterprises (INS-*)
  NOT_ON_LIST: 'the inspection item is not on the agency’s published list (INS-1)',
  NOT_APPROVED: 'the inspection has not been approved and cannot start (INS-1)',
  NOT_IN_PLAN: 'the inspection item is not in the agency’s filed plan for the year (INS-2)',
  INSPECTION_LIMIT_REACHED: 'the enterprise has had its inspections of the year (INS-3)',
  NOT_SCANNED_IN: 'the on-site inspection of an enterprise needs its code scanned first (INS-4)',
  CODE_REFUSED: 'the code scanned is not the inspected enterprise’s (INS-4)',
  NOT_STARTED: 'the inspection has not started, so it cannot be rated (INS-5)',
  APPROVAL_FORM_EXISTS: 'the case has its inspection approval form already (INS-6)',
  UNKNOWN_DRAW: 'the random draw does not exist or did not draw this item',
  // Supervision (SUP-*)
  MATTER_CLOSED: 'the supervision matter is closed',
  DOCUMENT_PREFIX_MISSING: 'the supervisory body has no document-number prefix set',
  RECTIFICATION_NOT_EXPECTED: 'the opinion expects no rectification report now',
  NO_CASE_SUBJECT: 'the matter concerns no case, so no decision can be referred',
  NO_DECISION_IN_FORCE: 'the case has no decision in force to refer for correction',
  REFERRAL_OPEN: 'the decision is referred already and the referral is open (SUP-3)',
  NO_CLOSED_CASES: 'the period has no closed case files to evaluate (SUP-4)',
} as const;

export type RuleCode = keyof typeof RULE_CODES;
export type ErrorCode = keyof typeof GENERAL_CODES | RuleCode;
