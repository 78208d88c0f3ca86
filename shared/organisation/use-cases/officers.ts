import { ulid } from 'ulid';
import { CertificateStatusChanged, OFFICER_EVENT_SOURCE } from '#events/officer-events.ts';
import type { DomainEvent } from '#shared/events/publisher.ts';
import { type AgencyProfile, unitName } from '#shared/kernel/agency.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { Conflict, Forbidden, NotFound, RuleViolation } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import {
  CERTIFICATE_VALIDITY_YEARS,
  categoryLabels,
  type EffectiveStatus,
  effectiveStatus,
  latestValidTo,
  type Officer,
  type OfficerInput,
  type StatusChangeInput,
  statusChangeRefusal,
  statusLabels,
} from '#shared/organisation/domain/officer.ts';
import type { Training, TrainingInput } from '#shared/organisation/domain/training.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import type { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';
import type { TrainingRepository } from '#shared/organisation/store/training-repository.ts';

export interface OfficerPorts {
  officers: Port<OfficerRepository>;
  agencies: Port<AgencyRepository>;
  now: () => Date;
  publish: (events: DomainEvent[]) => Promise<void>;
}

/** The officer as staff see it: the certificate plus its status today. */
export interface OfficerView extends Officer {
  effectiveStatus: EffectiveStatus;
}

export function officerView(officer: Officer, now: Date): OfficerView {
  return { ...officer, effectiveStatus: effectiveStatus(officer, legalDateOf(now)) };
}

/** Where the agency keeps a list of its units, an officer must belong to one of them. */
function checkUnit(profile: AgencyProfile | undefined, unitId: string): void {
  if (profile && profile.units.length > 0 && !profile.units.some((unit) => unit.id === unitId)) {
    throw new RuleViolation('UNKNOWN_UNIT', '本机关没有该股室', [{ path: 'unitId', message: '股室不存在' }]);
  }
}

/** A certificate runs no longer than the rules allow (from `from`, its start or its audit). */
function checkValidity(profile: AgencyProfile | undefined, from: string, validTo: string): void {
  const years = profile?.certificateValidityYears ?? CERTIFICATE_VALIDITY_YEARS;
  const latest = latestValidTo(from, years);
  if (validTo > latest) {
    throw new RuleViolation('CERTIFICATE_VALIDITY_EXCEEDED', `执法证有效期不得超过${years}年`, [
      { path: 'validTo', message: `有效期截止日期最晚为 ${latest}` },
    ]);
  }
}

/**
 * Registers a certificate (PUB-5, LAW-2): by the agency's administrator (the route's access), for
 * one of the agency's units, for no longer than the rules allow, and never for the administrator's
 * own account (nobody makes themselves an officer).
 */
export async function registerOfficer(
  ports: OfficerPorts,
  principal: Principal,
  input: OfficerInput,
): Promise<OfficerView> {
  if (input.userId !== undefined && input.userId === principal.sub)
    throw new Forbidden('不能为本人账号登记执法证，须由本机关其他管理员登记');
  const profile = await ports.agencies.get(principal.agencyId);
  checkUnit(profile, input.unitId);
  checkValidity(profile, input.validFrom, input.validTo);
  const now = ports.now();
  const officer: Officer = {
    ...input,
    agencyId: principal.agencyId,
    status: 'valid',
    statusHistory: [],
    createdAt: now.toISOString(),
    createdBy: principal.sub,
    version: 1,
  };
  await ports.officers.create(officer);
  return officerView(officer, now);
}

export async function getOfficer(
  ports: Pick<OfficerPorts, 'officers'>,
  agencyId: string,
  certificateNo: string,
): Promise<Officer> {
  const officer = await ports.officers.get(agencyId, certificateNo);
  if (!officer)
    throw new NotFound('执法人员不存在', [{ path: 'certificateNo', message: '未找到该证件编号' }]);
  return officer;
}

export async function changeOfficerStatus(
  ports: OfficerPorts,
  principal: Principal,
  certificateNo: string,
  input: StatusChangeInput,
): Promise<OfficerView> {
  const officer = await getOfficer(ports, principal.agencyId, certificateNo);
  const refusal = statusChangeRefusal(officer, input);
  if (refusal)
    throw new RuleViolation('INVALID_STATUS_CHANGE', refusal, [{ path: 'status', message: refusal }]);
  if (officer.userId !== undefined && officer.userId === principal.sub)
    throw new Forbidden('不能变更本人执法证的状态，须由本机关其他管理员办理');
  const now = ports.now();
  // An audit renews from its own day, as far as a new certificate would run.
  if (input.validTo !== undefined)
    checkValidity(await ports.agencies.get(principal.agencyId), legalDateOf(now), input.validTo);
  const updated = await ports.officers.changeStatus(officer, {
    status: input.status,
    reason: input.reason,
    at: now.toISOString(),
    by: principal.sub,
    ...(input.validTo ? { validTo: input.validTo } : {}),
  });
  await ports.publish([
    {
      source: OFFICER_EVENT_SOURCE,
      detailType: CertificateStatusChanged.detailType,
      detail: CertificateStatusChanged.schema.parse({
        version: CertificateStatusChanged.version,
        agencyId: updated.agencyId,
        certificateNo: updated.certificateNo,
        officerName: updated.name,
        status: updated.status,
        reason: input.reason,
        validTo: updated.validTo,
        changedAt: now.toISOString(),
        changedBy: principal.sub,
      }),
    },
  ]);
  return officerView(updated, now);
}

/** What 亮证 verification shows a citizen: no user ids, no history, no internal notes. */
export interface PublicCertificate {
  name: string;
  agencyId: string;
  agencyName: string;
  unit: string;
  position: string;
  certificateNo: string;
  categories: string[];
  categoryNames: string[];
  region: string;
  status: EffectiveStatus;
  statusName: string;
  validFrom: string;
  validTo: string;
  checkedAt: string;
}

/**
 * Finds the certificate a citizen asks about. Numbers are unique per agency; the QR code names the
 * agency, and a bare number that two agencies use asks the caller to say which.
 */
/** The officer a certificate number names: in one agency, or the only one holding the number. */
export async function findCertificate(
  ports: Pick<OfficerPorts, 'officers'>,
  certificateNo: string,
  agencyId?: string,
): Promise<Officer> {
  if (agencyId !== undefined) return getOfficer(ports, agencyId, certificateNo);
  const matches = await ports.officers.findByCertificate(certificateNo);
  const [only, ...others] = matches;
  if (!only) throw new NotFound('未查询到该执法证', [{ path: 'certificateNo', message: '未找到该证件编号' }]);
  if (others.length > 0) {
    throw new Conflict(
      '多个执法机关使用该证件编号，请指定执法机关',
      matches.map((match) => ({ path: 'agencyId', message: match.agencyId })),
    );
  }
  return only;
}

export async function verifyCertificate(
  ports: OfficerPorts,
  certificateNo: string,
  agencyId?: string,
): Promise<PublicCertificate> {
  const officer = await findCertificate(ports, certificateNo, agencyId);
  const profile = await ports.agencies.get(officer.agencyId);
  const now = ports.now();
  const status = effectiveStatus(officer, legalDateOf(now));
  return {
    name: officer.name,
    agencyId: officer.agencyId,
    agencyName: profile?.name ?? officer.agencyId,
    unit: unitName(profile, officer.unitId),
    position: officer.position,
    certificateNo: officer.certificateNo,
    categories: officer.categories,
    categoryNames: officer.categories.map((category) => categoryLabels[category]),
    region: officer.region,
    status,
    statusName: statusLabels[status],
    validFrom: officer.validFrom,
    validTo: officer.validTo,
    checkedAt: now.toISOString(),
  };
}

/** Records a training an officer attended (ORG-3); the officer must be the agency's. */
export async function recordTraining(
  ports: OfficerPorts & { trainings: Port<TrainingRepository> },
  principal: Principal,
  certificateNo: string,
  input: TrainingInput,
): Promise<Training> {
  const officer = await ports.officers.get(principal.agencyId, certificateNo);
  if (!officer) throw new NotFound('执法人员不存在', [{ path: 'certificateNo', message: certificateNo }]);
  const training: Training = {
    ...input,
    id: ulid(),
    agencyId: principal.agencyId,
    certificateNo,
    recordedAt: ports.now().toISOString(),
    recordedBy: principal.sub,
  };
  await ports.trainings.add(training);
  return training;
}
