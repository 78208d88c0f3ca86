/**
 * The life of a case (docs/api.md): registered (立案) -> investigating -> (hearing) ->
 * pending-decision -> decided -> served (送达) -> executed -> closed -> archived, with the
 * revocation path. `decided` is reached only by issuing the decision, `revoked` only by revoking it.
 */
export const CASE_STATUSES = [
  'registered',
  'investigating',
  'hearing',
  'pending-decision',
  'decided',
  'served',
  'executed',
  'closed',
  'archived',
  'revoked',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const caseStatusLabels: Record<CaseStatus, string> = {
  registered: '已立案',
  investigating: '调查中',
  hearing: '听证中',
  'pending-decision': '待决定',
  decided: '已决定',
  served: '已送达',
  executed: '已执行',
  closed: '已结案',
  archived: '已归档',
  revoked: '决定已撤销',
};

const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  // A decision may also be made straight after registration (简易程序) or investigation.
  registered: ['investigating', 'decided', 'closed'],
  investigating: ['hearing', 'pending-decision', 'decided', 'closed'],
  hearing: ['pending-decision', 'investigating', 'decided'],
  'pending-decision': ['decided', 'investigating', 'hearing', 'closed'],
  decided: ['served', 'revoked'],
  served: ['executed', 'closed', 'revoked'],
  executed: ['closed', 'revoked'],
  closed: ['archived', 'revoked'],
  // A reconsideration body or a court may revoke a decision after the file was archived.
  archived: ['revoked'],
  // A decision to be changed or re-made goes back to be decided again (PUB-11).
  revoked: ['pending-decision', 'closed', 'archived'],
};

/** Reached only through their own endpoints, never by `POST .../transitions`. */
export const GATED_STATUSES: readonly CaseStatus[] = ['decided', 'revoked'];

export function allowedNext(from: CaseStatus): readonly CaseStatus[] {
  return transitions[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return transitions[from].includes(to);
}

/** The next states `POST .../transitions` may reach from here: what a refusal names as allowed. */
export function openTransitions(from: CaseStatus): CaseStatus[] {
  return allowedNext(from).filter((status) => !GATED_STATUSES.includes(status));
}
