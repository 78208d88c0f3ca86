import type { CaseRecord, Decision } from '#shared/recording/domain/case.ts';

/** Whether a document still stands (PUB-16), as the verification page says it. */
export const DOCUMENT_STATUSES = ['in-force', 'changed', 'revoked', 'void'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const documentStatusLabels: Record<DocumentStatus, string> = {
  'in-force': '有效',
  changed: '已变更',
  revoked: '已撤销',
  void: '已被确认违法或无效',
};

const statusOfRevocation: Record<NonNullable<Decision['revocationKind']>, DocumentStatus> = {
  changed: 'changed',
  revoked: 'revoked',
  // Revoked to be made again: the paper of the first decision no longer stands.
  remade: 'revoked',
  'confirmed-void': 'void',
  'confirmed-illegal': 'void',
};

/**
 * A record stands unless it is (or was) the case's decision document and that decision was
 * revoked, changed or confirmed void or illegal (`POST /v1/cases/{id}/decision/revocations`).
 */
export function documentStatus(
  record: Pick<CaseRecord, 'decision' | 'previousDecisions'>,
  recordId: string,
): DocumentStatus {
  const decision = [record.decision, ...(record.previousDecisions ?? [])].find(
    (candidate) => candidate?.document?.recordId === recordId,
  );
  if (!decision?.revokedAt) return 'in-force';
  return decision.revocationKind ? statusOfRevocation[decision.revocationKind] : 'revoked';
}

/** The status of a case's decision document, if it has one: what a revoked decision's code says. */
export function decisionDocumentStatus(
  record: Pick<CaseRecord, 'decision' | 'previousDecisions'>,
): DocumentStatus | undefined {
  const recordId = record.decision?.document?.recordId;
  return recordId ? documentStatus(record, recordId) : undefined;
}
