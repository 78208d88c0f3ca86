import type {
  Inspection,
  InspectionAlert,
  InspectionCounter,
} from '#shared/inspections/domain/inspection.ts';
import type { InspectionPlan } from '#shared/inspections/domain/inspection-plan.ts';
import type { SupervisionKey } from '#shared/inspections/domain/supervision-code.ts';
import type { InspectionPlanRepository } from '#shared/inspections/store/inspection-plan-repository.ts';
import type {
  CounterIncrement,
  InspectionRepository,
} from '#shared/inspections/store/inspection-repository.ts';
import { StaleWrite } from '#shared/kernel/errors.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { byteOrder, copy, memoryChildWrite, newestFirst, pageOf } from '#test/fakes/memory.ts';

type Counters = {
  random?: number;
  targeted?: number;
  exceptions?: number;
  alert?: { since: string; lastInspectionId: string; enterpriseName: string };
};

/** Inspections of enterprises, their yearly counters and supervision keys, as the DynamoDB store keeps them. */
export class InMemoryInspections implements Port<InspectionRepository> {
  readonly #inspections = new Map<string, Inspection>();
  readonly #counters = new Map<string, Counters>();
  readonly #keys = new Map<string, SupervisionKey>();

  async create(inspection: Inspection, increments: readonly CounterIncrement[]): Promise<void> {
    if (this.#inspections.has(inspection.id))
      throw new Error(`ConditionalCheckFailed: ${inspection.id} exists`);
    const keyOf = (agencyId: string) => `${agencyId}#${inspection.enterpriseCreditCode}#${inspection.year}`;
    const full = increments.some(
      ({ agencyId, counts }) =>
        counts !== 'exceptions' &&
        (this.#counters.get(keyOf(agencyId))?.[counts.category] ?? 0) >= counts.limit,
    );
    if (full) throw new StaleWrite('检查次数已被其他检查任务更新，请重试');
    for (const { agencyId, counts, alert } of increments) {
      const counter = { ...this.#counters.get(keyOf(agencyId)) };
      const field = counts === 'exceptions' ? 'exceptions' : counts.category;
      counter[field] = (counter[field] ?? 0) + 1;
      if (alert)
        counter.alert = {
          since: counter.alert?.since ?? inspection.createdAt,
          lastInspectionId: inspection.id,
          enterpriseName: inspection.enterpriseName,
        };
      this.#counters.set(keyOf(agencyId), counter);
    }
    this.#inspections.set(inspection.id, copy(inspection));
  }

  async get(id: string): Promise<Inspection | undefined> {
    const inspection = this.#inspections.get(id);
    return inspection ? copy(inspection) : undefined;
  }

  put(next: Inspection, previous: Inspection): ChildWrite {
    return memoryChildWrite({
      holds: () => this.#inspections.get(next.id)?.version === previous.version,
      apply: () => void this.#inspections.set(next.id, copy(next)),
    });
  }

  async update(next: Inspection, previous: Inspection): Promise<void> {
    if (this.#inspections.get(next.id)?.version !== previous.version)
      throw new StaleWrite('检查任务已被他人修改，请刷新后重试');
    this.#inspections.set(next.id, copy(next));
  }

  async counter(agencyId: string, creditCode: string, year: number): Promise<InspectionCounter> {
    const counter = this.#counters.get(`${agencyId}#${creditCode}#${year}`) ?? {};
    return {
      counted: { random: counter.random ?? 0, targeted: counter.targeted ?? 0 },
      exceptions: counter.exceptions ?? 0,
    };
  }

  async alerts(agencyId: string, year: number): Promise<InspectionAlert[]> {
    return [...this.#counters.entries()]
      .map(([key, counter]) => ({ key: key.split('#'), counter }))
      .filter(({ key, counter }) => key[0] === agencyId && key[2] === String(year) && counter.alert)
      .sort((a, b) => byteOrder(a.key[1] ?? '', b.key[1] ?? ''))
      .map(({ key, counter }) => ({
        agencyId,
        creditCode: key[1] ?? '',
        enterpriseName: counter.alert?.enterpriseName ?? '',
        year,
        counted: { random: counter.random ?? 0, targeted: counter.targeted ?? 0 },
        exceptions: counter.exceptions ?? 0,
        lastInspectionId: counter.alert?.lastInspectionId ?? '',
        since: counter.alert?.since ?? '',
      }));
  }

  async listByAgency(agencyId: string, limit: number, cursor?: string): Promise<Page<Inspection>> {
    return this.#page((inspection) => inspection.agencyId === agencyId, limit, cursor);
  }

  async listByEnterprise(creditCode: string, limit: number, cursor?: string): Promise<Page<Inspection>> {
    return this.#page((inspection) => inspection.enterpriseCreditCode === creditCode, limit, cursor);
  }

  #page(keep: (inspection: Inspection) => boolean, limit: number, cursor: string | undefined) {
    const items = [...this.#inspections.values()]
      .filter(keep)
      .sort(newestFirst((inspection) => `${inspection.createdAt}#${inspection.id}`));
    return pageOf(items, limit, cursor);
  }

  async supervisionKey(creditCode: string): Promise<SupervisionKey | undefined> {
    const key = this.#keys.get(creditCode);
    return key ? copy(key) : undefined;
  }

  async putSupervisionKey(key: SupervisionKey, previous: SupervisionKey | undefined): Promise<void> {
    if (this.#keys.get(key.creditCode)?.version !== previous?.version)
      throw new StaleWrite('监管码已被更新，请重试');
    this.#keys.set(key.creditCode, copy(key));
  }
}

/** Annual inspection plans, every version of each, as the DynamoDB store keeps them (INS-2). */
export class InMemoryInspectionPlans implements Port<InspectionPlanRepository> {
  readonly #plans = new Map<string, InspectionPlan>();

  async latest(agencyId: string, year: number): Promise<InspectionPlan | undefined> {
    const prefix = `${agencyId}#${year}#`;
    const versions = [...this.#plans.entries()].filter(([key]) => key.startsWith(prefix));
    const last = versions.sort(([, a], [, b]) => b.version - a.version)[0];
    return last ? copy(last[1]) : undefined;
  }

  async version(agencyId: string, year: number, version: number): Promise<InspectionPlan | undefined> {
    const plan = this.#plans.get(`${agencyId}#${year}#${version}`);
    return plan ? copy(plan) : undefined;
  }

  async put(plan: InspectionPlan, previous: InspectionPlan | undefined): Promise<void> {
    const key = `${plan.agencyId}#${plan.year}#${plan.version}`;
    const stored = this.#plans.get(key);
    const holds = previous
      ? stored?.revision === previous.revision && stored.status === 'draft'
      : stored === undefined;
    if (!holds) throw new StaleWrite('检查计划已被他人修改，请刷新后重试');
    this.#plans.set(key, copy(plan));
  }
}
