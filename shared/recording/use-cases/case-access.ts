import type { ChecklistRepository } from '#shared/checklists/store/checklist-repository.ts';
import type { RandomDrawRepository } from '#shared/inspections/store/random-draw-repository.ts';
import { Forbidden, NotFound } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import type { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import type { EvidenceRepository } from '#shared/recording/store/evidence-repository.ts';
import type { JournalAnchors } from '#shared/recording/store/journal-anchors.ts';

export interface CasePorts {
  cases: Port<CaseRepository>;
  randomDraws: Port<RandomDrawRepository>;
  evidence: Port<EvidenceRepository>;
  officers: Port<OfficerRepository>;
  agencies: Port<AgencyRepository>;
  checklists: Port<ChecklistRepository>;
  anchors: Port<JournalAnchors>;
  now: () => Date;
}

export async function getCase(ports: CasePorts, agencyId: string, id: string): Promise<CaseRecord> {
  const record = await ports.cases.get(agencyId, id);
  if (!record) throw new NotFound('案件不存在', [{ path: 'id', message: '未找到该案件' }]);
  return record;
}

/** Roles that see every unit of their agency; everyone else sees their own unit's cases. */
const AGENCY_WIDE_READERS = ['admin', 'leader', 'reviewer', 'supervisor'] as const;

/** Whether a person sees the whole agency's cases, or only their unit's (and the ones they handle). */
export function readsWholeAgency(principal: Principal): boolean {
  return principal.roles.some((role) => (AGENCY_WIDE_READERS as readonly string[]).includes(role));
}

/** Which unit's lists a person reads: none for those who see the agency (they read it whole). */
export function listScope(principal: Principal): { unitId: string | undefined } | undefined {
  return readsWholeAgency(principal) ? undefined : { unitId: principal.unitId };
}

/**
 * Whether a case is within a person's scope (reading it, its records, journal and evidence; legal
 * hold on its evidence): the legal review office, leadership, supervisors and administrators
 * see the agency; everyone else their own unit's cases and the ones they handle. A case without
 * a unit belongs to the people without one.
 */
export function assertInScope(record: CaseRecord, principal: Principal): void {
  if (readsWholeAgency(principal)) return;
  if (record.handlers.includes(principal.sub)) return;
  if (record.unitId === principal.unitId) return;
  throw new Forbidden('只能查看本股室的案件或本人承办的案件');
}

/** A case as its reader may see it: 404 if it does not exist, 403 outside their unit. */
export async function readCase(ports: CasePorts, principal: Principal, id: string): Promise<CaseRecord> {
  const record = await getCase(ports, principal.agencyId, id);
  assertInScope(record, principal);
  return record;
}

/** Who may write to a case: its handlers, the head of its unit, an administrator. */
export function assertMayHandle(record: CaseRecord, principal: Principal): void {
  if (principal.roles.includes('admin')) return;
  if (principal.roles.includes('unit-head') && record.unitId === principal.unitId) return;
  if (record.handlers.includes(principal.sub)) return;
  throw new Forbidden('只有本案承办人员、承办股室负责人或管理员可以办理此案件');
}

/**
 * Who may see a case's evidence and case file (REC-7): the legal review office, leadership, supervisors and
 * administrators of the agency; the head of the handling unit; the case's own handlers.
 */
export function assertEntitled(record: CaseRecord, principal: Principal): void {
  if (readsWholeAgency(principal)) return;
  if (principal.roles.includes('unit-head') && record.unitId === principal.unitId) return;
  if (record.handlers.includes(principal.sub)) return;
  throw new Forbidden('无权调阅本案音像证据');
}
