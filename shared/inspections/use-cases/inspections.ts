import { ulid } from 'ulid';
import { approvalForm } from '#shared/inspections/domain/approval-form.ts';
import {
  DEFAULT_INSPECTION_LIMITS,
  type EnterpriseInspection,
  enterpriseView,
  type Inspection,
  type InspectionCategory,
  type InspectionInput,
  type InspectionLimit,
  inspectionCategoryLabels,
  type RatingInput,
} from '#shared/inspections/domain/inspection.ts';
import {
  claimedCreditCode,
  isCurrentCode,
  newSupervisionKey,
  type SupervisionKey,
  supervisionCode,
} from '#shared/inspections/domain/supervision-code.ts';
import type {
  CounterIncrement,
  InspectionRepository,
} from '#shared/inspections/store/inspection-repository.ts';
import {
  notOnList,
  type PlanPorts,
  type PublishedInspectionItem,
  plannedItem,
  publishedInspectionItems,
} from '#shared/inspections/use-cases/inspection-plans.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import {
  Conflict,
  type ErrorDetail,
  Forbidden,
  NotFound,
  RuleViolation,
  ValidationFailed,
} from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { CasePorts } from '#shared/recording/use-cases/case-access.ts';
import { qualifiedOfficers } from '#shared/recording/use-cases/case-commit.ts';
import { openCase } from '#shared/recording/use-cases/register-case.ts';

export interface InspectionPorts extends CasePorts, PlanPorts {
  inspections: Port<InspectionRepository>;
}

/** The yearly limits an agency publishes (INS-3): the province's defaults until it sets its own. */
export function inspectionLimits(): readonly InspectionLimit[] {
  return DEFAULT_INSPECTION_LIMITS;
}

const limitOf = (category: InspectionCategory) =>
  inspectionLimits().find((limit) => limit.category === category)?.perYear ?? 0;

/**
 * The published item an inspection names (INS-1, LAW-9), and the filed annual plan that has it
 * (INS-2): outside the plan only with an exception the rules allow, as past the yearly limit.
 */
async function publishedItem(
  ports: InspectionPorts,
  agencyId: string,
  input: InspectionInput,
): Promise<{ item: PublishedInspectionItem; plan?: Inspection['plan'] }> {
  const item = await listedItem(ports, agencyId, input.itemCode);
  if (input.exception) return { item };
  const { plan } = await plannedItem(
    ports,
    agencyId,
    input.plannedOn,
    input.itemCode,
    'itemCode',
    EXCEPTION_HINT,
  );
  return { item, plan: { year: plan.year, version: plan.version } };
}

/** The item as the agency's lists publish it now, or 422 `NOT_ON_LIST` (INS-1). */
async function listedItem(ports: InspectionPorts, agencyId: string, itemCode: string) {
  const item = (await publishedInspectionItems(ports, agencyId))(itemCode);
  if (!item) throw notOnList([{ path: 'itemCode', message: `检查事项 ${itemCode} 未公布` }]);
  return item;
}

const EXCEPTION_HINT = '；确因投诉举报、违法线索或突发事件须检查的，请注明例外情形和理由';

/** The other agencies of a joint inspection exist and are not the caller's own. */
async function jointAgencies(ports: InspectionPorts, principal: Principal, jointWith: readonly string[]) {
  const details: ErrorDetail[] = [];
  await Promise.all(
    jointWith.map(async (agencyId, index) => {
      if (agencyId === principal.agencyId)
        details.push({ path: `jointWith.${index}`, message: '联合检查的机关不能是本机关' });
      else if (!(await ports.agencies.get(agencyId)))
        details.push({ path: `jointWith.${index}`, message: `没有机关 ${agencyId}` });
    }),
  );
  if (details.length > 0) throw new ValidationFailed(details, '联合检查的机关有误');
}

/**
 * What the inspection adds to each participant's counter of the enterprise's year (INS-3): one
 * for each agency of a joint inspection (综合查一次: one inspection, not one per agency), or an
 * exception counted apart. Past a limit without an exception it is refused.
 */
async function increments(
  ports: InspectionPorts,
  participants: readonly string[],
  input: InspectionInput,
  category: InspectionCategory,
  year: number,
): Promise<CounterIncrement[]> {
  // Past the limit by an exception, or a second inspection of the year: the supervisor sees it (SUP-5).
  if (input.exception)
    return participants.map((agencyId) => ({ agencyId, counts: 'exceptions', alert: true }));
  const limit = limitOf(category);
  const details: ErrorDetail[] = [];
  const repeated = new Set<string>();
  await Promise.all(
    participants.map(async (agencyId) => {
      const counter = await ports.inspections.counter(agencyId, input.enterpriseCreditCode, year);
      const done = counter.counted[category] ?? 0;
      if (done >= 1) repeated.add(agencyId);
      if (done >= limit)
        details.push({
          path: 'exception',
          message: `${agencyId === participants[0] ? '本机关' : `机关 ${agencyId}`}${year}年已对该企业${inspectionCategoryLabels[category]} ${done} 次，已达年度上限 ${limit} 次；确因投诉举报、违法线索或突发事件须检查的，请注明例外情形和理由`,
        });
    }),
  );
  if (details.length > 0)
    throw new RuleViolation('INSPECTION_LIMIT_REACHED', '已达对该企业的年度检查次数上限', details);
  return participants.map((agencyId) => ({
    agencyId,
    counts: { category, limit },
    ...(repeated.has(agencyId) ? { alert: true } : {}),
  }));
}

/** `POST /v1/inspections`: a task of inspecting an enterprise, pending the unit head's approval (INS-1, INS-3). */
export async function createInspection(
  ports: InspectionPorts,
  principal: Principal,
  input: InspectionInput,
): Promise<Inspection> {
  const today = legalDateOf(ports.now());
  if (input.plannedOn < today) {
    throw new ValidationFailed([{ path: 'plannedOn', message: '计划检查日期不能早于今天' }]);
  }
  const { item, plan } = await publishedItem(ports, principal.agencyId, input);
  const profile = await ports.agencies.get(principal.agencyId);
  const officerUsers = await qualifiedOfficers(ports, principal.agencyId, input.officers, {
    dates: [today, input.plannedOn],
    category: 'inspection',
    region: profile?.region,
  });
  const officerNames = await Promise.all(
    input.officers.map(
      async (certificateNo) => (await ports.officers.get(principal.agencyId, certificateNo))?.name ?? '',
    ),
  );
  const jointWith = input.jointWith ?? [];
  await jointAgencies(ports, principal, jointWith);
  const year = Number(input.plannedOn.slice(0, 4));
  return withRetry(async () => {
    const adds = await increments(ports, [principal.agencyId, ...jointWith], input, item.category, year);
    const now = ports.now().toISOString();
    const inspection: Inspection = {
      id: ulid(),
      agencyId: principal.agencyId,
      enterpriseCreditCode: input.enterpriseCreditCode,
      enterpriseName: input.enterpriseName,
      itemCode: input.itemCode,
      category: item.category,
      officers: input.officers,
      officerNames,
      officerUsers,
      plannedOn: input.plannedOn,
      year,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(jointWith.length > 0 ? { jointWith } : {}),
      ...(input.exception ? { exception: input.exception } : {}),
      ...(plan ? { plan } : {}),
      status: 'pending-approval',
      ...(principal.unitId ? { unitId: principal.unitId } : {}),
      createdBy: principal.sub,
      createdAt: now,
      version: 1,
    };
    await ports.inspections.create(inspection, adds);
    return inspection;
  });
}

async function ownInspection(ports: InspectionPorts, principal: Principal, id: string): Promise<Inspection> {
  const inspection = await ports.inspections.get(id);
  if (!inspection || inspection.agencyId !== principal.agencyId) throw new NotFound('检查任务不存在');
  return inspection;
}

export function getInspection(ports: InspectionPorts, principal: Principal, id: string): Promise<Inspection> {
  return ownInspection(ports, principal, id);
}

export function listInspections(
  ports: InspectionPorts,
  principal: Principal,
  limit: number,
  cursor: string | undefined,
): Promise<Page<Inspection>> {
  return ports.inspections.listByAgency(principal.agencyId, limit, cursor);
}

/** `POST /v1/inspections/{id}/approval`: the unit head approves (检查必审批), never as one of its officers. */
export async function approveInspection(
  ports: InspectionPorts,
  principal: Principal,
  id: string,
): Promise<Inspection> {
  return withRetry(async () => {
    const inspection = await ownInspection(ports, principal, id);
    if (inspection.officerUsers.includes(principal.sub) || inspection.createdBy === principal.sub) {
      throw new Forbidden('检查任务的检查人员和编制人不能审批该任务');
    }
    if (inspection.status !== 'pending-approval') throw new Conflict('检查任务已经审批');
    const next: Inspection = {
      ...inspection,
      status: 'approved',
      approvedBy: principal.sub,
      approvedByName: principal.name,
      approvedAt: ports.now().toISOString(),
      version: inspection.version + 1,
    };
    await ports.inspections.update(next, inspection);
    return next;
  });
}

/**
 * `POST /v1/inspections/{id}/scan`: an officer of the approved task scans the enterprise's code
 * on site (扫码入企, INS-4). The code must be that enterprise's current one, the item still on the
 * published list (INS-1); the scan registers the start and opens the inspection case with its
 * 行政检查审批表 filled from the task (INS-6) and its on-site activity, all in one transaction.
 */
export async function scanInspection(
  ports: InspectionPorts,
  principal: Principal,
  id: string,
  code: string,
): Promise<{ inspection: Inspection; caseId: string; activityId: string; approvalRecordId: string }> {
  const inspection = startable(await ownInspection(ports, principal, id), principal);
  await assertEnterpriseCode(ports, inspection.enterpriseCreditCode, code);
  const [item, counter] = await Promise.all([
    listedItem(ports, inspection.agencyId, inspection.itemCode),
    ports.inspections.counter(inspection.agencyId, inspection.enterpriseCreditCode, inspection.year),
  ]);
  const startedAt = ports.now().toISOString();
  let started: Inspection | undefined;
  const { record, documents, activity } = await openCase(
    ports,
    principal,
    {
      category: 'inspection',
      title: `对${inspection.enterpriseName}的行政检查`,
      matterId: inspection.itemCode,
      party: {
        kind: 'organization',
        name: inspection.enterpriseName,
        idNumber: inspection.enterpriseCreditCode,
      },
      officers: inspection.officers,
      ...(inspection.unitId ? { unitId: inspection.unitId } : {}),
    },
    {
      inspectionId: inspection.id,
      records: [
        {
          type: 'inspection-approval',
          title: '行政检查审批表',
          fields: approvalForm(inspection, item, counter),
        },
      ],
      activity: {
        type: inspection.category === 'random' ? 'random-inspection' : 'on-site-inspection',
        location: inspection.enterpriseName,
      },
      // Read again at each attempt: a scan that lost the race to another finds the task started.
      children: async (caseId) => {
        const current = startable(await ownInspection(ports, principal, id), principal);
        started = { ...current, status: 'started', startedAt, caseId, version: current.version + 1 };
        return [ports.inspections.put(started, current)];
      },
    },
  );
  return {
    inspection: started ?? inspection,
    caseId: record.id,
    activityId: activity?.id ?? '',
    approvalRecordId: documents[0]?.id ?? '',
  };
}

/** An approved task, not started yet, that the caller is an officer of. */
function startable(inspection: Inspection, principal: Principal): Inspection {
  if (!inspection.officerUsers.includes(principal.sub)) {
    throw new Forbidden('只有本次检查任务的检查人员可以扫码入企');
  }
  if (inspection.status === 'pending-approval') {
    throw new RuleViolation('NOT_APPROVED', '检查任务尚未经负责人审批，不能开始检查');
  }
  if (inspection.status === 'started') throw new Conflict('已扫码入企，检查已开始');
  return inspection;
}

/** A scanned code is the inspected enterprise's current one: not forged, not another's, not renewed since. */
async function assertEnterpriseCode(ports: InspectionPorts, creditCode: string, code: string): Promise<void> {
  if (claimedCreditCode(code) !== creditCode) {
    throw new RuleViolation('CODE_REFUSED', '所扫监管码不是本次检查企业的监管码', [
      { path: 'code', message: '请扫描被检查企业出示的监管码' },
    ]);
  }
  const key = await ports.inspections.supervisionKey(creditCode);
  if (!key || !isCurrentCode(code, key)) {
    throw new RuleViolation('CODE_REFUSED', '监管码无效或已更新', [
      { path: 'code', message: '请企业出示现行的监管码' },
    ]);
  }
}

function enterpriseOf(principal: Principal): string {
  if (!principal.creditCode) throw new Forbidden('仅企业账号可以使用');
  return principal.creditCode;
}

/** `GET /v1/enterprise/code` and its renewal: the enterprise's own supervision code (INS-4). */
export async function enterpriseCode(
  ports: InspectionPorts,
  principal: Principal,
  renew: boolean,
): Promise<string> {
  const creditCode = enterpriseOf(principal);
  return withRetry(async () => {
    const current = await ports.inspections.supervisionKey(creditCode);
    if (current && !renew) return supervisionCode(current);
    const key: SupervisionKey = newSupervisionKey(creditCode, current, ports.now());
    await ports.inspections.putSupervisionKey(key, current);
    return supervisionCode(key);
  });
}

/** `GET /v1/enterprise/inspections`: the enterprise's own inspections, as it may see them (INS-5). */
export async function enterpriseInspections(
  ports: InspectionPorts,
  principal: Principal,
  limit: number,
  cursor: string | undefined,
): Promise<Page<EnterpriseInspection>> {
  const page = await ports.inspections.listByEnterprise(enterpriseOf(principal), limit, cursor);
  return { ...page, items: page.items.map(enterpriseView) };
}

/** `POST /v1/enterprise/inspections/{id}/rating`: the enterprise rates an inspection of it once it has started (INS-5). */
export async function rateInspection(
  ports: InspectionPorts,
  principal: Principal,
  id: string,
  input: RatingInput,
): Promise<EnterpriseInspection> {
  const creditCode = enterpriseOf(principal);
  return withRetry(async () => {
    const inspection = await ports.inspections.get(id);
    if (!inspection || inspection.enterpriseCreditCode !== creditCode) throw new NotFound('检查记录不存在');
    if (inspection.status !== 'started') {
      throw new RuleViolation('NOT_STARTED', '检查尚未开始，不能评价');
    }
    if (inspection.rating) throw new Conflict('已评价过本次检查');
    const next: Inspection = {
      ...inspection,
      rating: {
        score: input.score,
        ...(input.comment ? { comment: input.comment } : {}),
        ratedAt: ports.now().toISOString(),
      },
      version: inspection.version + 1,
    };
    await ports.inspections.update(next, inspection);
    return enterpriseView(next);
  });
}
