import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { type ChecklistPorts, currentEdition } from '#shared/checklists/use-cases/checklists.ts';
import type { InspectionCategory } from '#shared/inspections/domain/inspection.ts';
import {
  bindingYears,
  type InspectionPlan,
  type PlanInput,
  type PlanItem,
  type PublicInspectionPlan,
  publicPlan,
} from '#shared/inspections/domain/inspection-plan.ts';
import type { InspectionPlanRepository } from '#shared/inspections/store/inspection-plan-repository.ts';
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
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';

export interface PlanPorts extends ChecklistPorts {
  inspectionPlans: Port<InspectionPlanRepository>;
}

export interface PublishedInspectionItem {
  category: InspectionCategory;
  name: string;
  /** The item's legal basis and how it is inspected, as its list publishes them (the 审批表's, INS-6). */
  basis: string;
  method: string;
}

/** A targeted inspection matter is inspected on the enterprise's premises (INS-4). */
const TARGETED_METHOD = '现场检查';

/**
 * The agency's published inspection items (INS-1, LAW-9), read once: the items of the
 * random-inspections list in force (双随机 random inspections) and the inspection matters of the
 * matters list (targeted ones). A draft or a withdrawn item is not among them.
 */
export async function publishedInspectionItems(
  ports: ChecklistPorts,
  agencyId: string,
): Promise<(itemCode: string) => PublishedInspectionItem | undefined> {
  const [random, matters] = await Promise.all([
    currentEdition(ports, agencyId, 'random-inspections'),
    currentEdition(ports, agencyId, 'matters'),
  ]);
  const randomItems = (random?.items ?? []) as ChecklistItem<'random-inspections'>[];
  const matterItems = (matters?.items ?? []) as ChecklistItem<'matters'>[];
  return (itemCode) => {
    const listed = randomItems.find((item) => item.code === itemCode);
    if (listed)
      return { category: 'random', name: listed.content, basis: listed.basis, method: listed.method };
    const matter = matterItems.find((item) => item.code === itemCode && item.category === 'inspection');
    return matter
      ? { category: 'targeted', name: matter.name, basis: matter.legalBasis, method: TARGETED_METHOD }
      : undefined;
  };
}

export const notOnList = (details: ErrorDetail[]) =>
  new RuleViolation('NOT_ON_LIST', '清单之外无检查：检查事项不在本机关已公布的检查事项清单中', details);

/**
 * What is planned of each item fits its kind (INS-2): a random item is drawn at a ratio and a
 * frequency, a targeted one is a number of on-site inspections; each item on the published list.
 */
export function planItems(
  input: PlanInput,
  published: (itemCode: string) => PublishedInspectionItem | undefined,
): PlanItem[] {
  const unlisted: ErrorDetail[] = [];
  const misfits: ErrorDetail[] = [];
  const items = input.items.flatMap((item, index): PlanItem[] => {
    const found = published(item.itemCode);
    if (!found) {
      unlisted.push({ path: `items.${index}.itemCode`, message: `检查事项 ${item.itemCode} 未公布` });
      return [];
    }
    const at = (field: string) => `items.${index}.${field}`;
    if (found.category === 'random') {
      if (!item.ratio) misfits.push({ path: at('ratio'), message: '双随机抽查事项须填写抽查比例' });
      if (!item.frequency) misfits.push({ path: at('frequency'), message: '双随机抽查事项须填写抽查频次' });
      if (item.plannedInspections !== undefined)
        misfits.push({
          path: at('plannedInspections'),
          message: '双随机抽查事项按比例抽取，不填计划检查次数',
        });
    } else {
      if (item.plannedInspections === undefined)
        misfits.push({ path: at('plannedInspections'), message: '重点检查事项须填写计划检查次数' });
      for (const field of ['ratio', 'frequency'] as const)
        if (item[field] !== undefined)
          misfits.push({ path: at(field), message: '重点检查事项不按比例抽取，不填抽查比例和频次' });
    }
    return [{ ...item, category: found.category, name: found.name }];
  });
  if (unlisted.length > 0) throw notOnList(unlisted);
  if (misfits.length > 0) throw new ValidationFailed(misfits, '检查计划的事项有误');
  return items;
}

/** `PUT /v1/inspection-plans/{year}`: drafts the year's plan, or its next version once filed (INS-2). */
export async function draftPlan(
  ports: PlanPorts,
  principal: Principal,
  year: number,
  input: PlanInput,
): Promise<InspectionPlan> {
  const thisYear = Number(legalDateOf(ports.now()).slice(0, 4));
  if (year < thisYear || year > thisYear + 1)
    throw new ValidationFailed([
      { path: 'year', message: `只能编制${thisYear}年或${thisYear + 1}年的检查计划` },
    ]);
  const items = planItems(input, await publishedInspectionItems(ports, principal.agencyId));
  return withRetry(async () => {
    const latest = await ports.inspectionPlans.latest(principal.agencyId, year);
    const draft = latest?.status === 'draft' ? latest : undefined;
    const plan: InspectionPlan = {
      agencyId: principal.agencyId,
      year,
      version: draft ? draft.version : (latest?.version ?? 0) + 1,
      status: 'draft',
      items,
      ...(input.note ? { note: input.note } : {}),
      draftedBy: principal.sub,
      draftedByName: principal.name,
      draftedAt: ports.now().toISOString(),
      revision: draft ? draft.revision + 1 : 1,
    };
    await ports.inspectionPlans.put(plan, draft);
    return plan;
  });
}

/**
 * `POST /v1/inspection-plans/{year}/filing`: files (报备) the draft with the supervisory body, by
 * another person than its last author, as read (`revision`) if the filer says which; its items
 * must still be published (INS-2).
 */
export async function filePlan(
  ports: PlanPorts,
  principal: Principal,
  year: number,
  revision?: number,
): Promise<InspectionPlan> {
  return withRetry(async () => {
    const draft = await ports.inspectionPlans.latest(principal.agencyId, year);
    if (!draft) throw new NotFound(`${year}年度检查计划尚未编制`);
    if (draft.status !== 'draft') throw new Conflict(`${year}年度检查计划已报备，修改后方可再次报备`);
    if (draft.draftedBy === principal.sub) throw new Forbidden('检查计划须由编制人以外的负责人报备');
    if (revision !== undefined && draft.revision !== revision)
      throw new Conflict('检查计划在您查看后已被修改，请重新查看后再报备');
    planItems(draft, await publishedInspectionItems(ports, principal.agencyId));
    const filed: InspectionPlan = {
      ...draft,
      status: 'filed',
      filedBy: principal.sub,
      filedByName: principal.name,
      filedAt: ports.now().toISOString(),
      revision: draft.revision + 1,
    };
    await ports.inspectionPlans.put(filed, draft);
    return filed;
  });
}

/** `GET /v1/inspection-plans/{year}`: the agency's own plan, its latest version or the one asked for. */
export async function ownPlan(
  ports: PlanPorts,
  principal: Principal,
  year: number,
  version: number | undefined,
): Promise<InspectionPlan> {
  const plan =
    version === undefined
      ? await ports.inspectionPlans.latest(principal.agencyId, year)
      : await ports.inspectionPlans.version(principal.agencyId, year, version);
  if (!plan) throw new NotFound(`没有${year}年度检查计划${version === undefined ? '' : `第 ${version} 版`}`);
  return plan;
}

/**
 * An agency's filed plan of a year: the version asked for if it was filed, or the latest filed
 * one. Only the latest version can be a draft, so that is the latest or the one before it.
 */
export async function filedPlan(
  ports: PlanPorts,
  agencyId: string,
  year: number,
  version?: number,
): Promise<InspectionPlan | undefined> {
  const plans = ports.inspectionPlans;
  const plan =
    version === undefined ? await plans.latest(agencyId, year) : await plans.version(agencyId, year, version);
  if (!plan || plan.status === 'filed') return plan;
  return version === undefined && plan.version > 1
    ? plans.version(agencyId, year, plan.version - 1)
    : undefined;
}

const noFiledPlan = (year: number) => new NotFound(`${year}年度检查计划尚未报备`);

/** `GET /v1/supervision/inspection-plans`: a supervised agency's filed plan, for its supervisory body only. */
export async function supervisedPlan(
  ports: PlanPorts,
  principal: Principal,
  agencyId: string,
  year: number,
  version: number | undefined,
): Promise<InspectionPlan> {
  // An agency is not its own supervisory body, whatever its token names.
  if (
    principal.agencyId === agencyId ||
    !principal.roles.includes('supervisor') ||
    !principal.supervises?.includes(agencyId)
  )
    throw new Forbidden('只能查看本机关所监督机关的检查计划');
  const plan = await filedPlan(ports, agencyId, year, version);
  if (!plan) throw noFiledPlan(year);
  return plan;
}

/** `GET /public/v1/agencies/{agencyId}/inspection-plans/{year}`: the filed plan, as published (54号文). */
export async function publishedPlan(
  ports: PlanPorts,
  agencyId: string,
  year: number,
  version: number | undefined,
): Promise<PublicInspectionPlan> {
  const plan = await filedPlan(ports, agencyId, year, version);
  if (!plan) throw noFiledPlan(year);
  return publicPlan(plan);
}

/**
 * The filed plan that binds a draw or a task on `date` (INS-2): that year's; in January, while
 * the year's plan is not filed yet, the year before's (docs/inspections.md).
 */
export async function bindingPlan(
  ports: PlanPorts,
  agencyId: string,
  date: string,
): Promise<InspectionPlan | undefined> {
  for (const year of bindingYears(date)) {
    const plan = await filedPlan(ports, agencyId, year);
    if (plan) return plan;
  }
  return undefined;
}

/**
 * The item of the binding plan an inspection of `itemCode` on `date` is for, or the refusal
 * `NOT_IN_PLAN` at `path`, in Chinese: outside the plan, or with no plan filed.
 */
export async function plannedItem(
  ports: PlanPorts,
  agencyId: string,
  date: string,
  itemCode: string,
  path: string,
  hint = '',
): Promise<{ plan: InspectionPlan; item: PlanItem }> {
  const plan = await bindingPlan(ports, agencyId, date);
  const item = plan?.items.find((each) => each.itemCode === itemCode);
  if (plan && item) return { plan, item };
  const year = date.slice(0, 4);
  throw new RuleViolation(
    'NOT_IN_PLAN',
    plan
      ? `检查事项不在本机关已报备的${plan.year}年度检查计划中`
      : `本机关${year}年度检查计划尚未报备，不能安排计划内检查`,
    [
      {
        path,
        message: `${plan ? `检查事项 ${itemCode} 不在年度检查计划中` : `请先报备${year}年度检查计划`}${hint}`,
      },
    ],
  );
}
