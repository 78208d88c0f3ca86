import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { currentEdition } from '#shared/checklists/use-cases/checklists.ts';
import {
  DRAW_ALGORITHM,
  type DrawInput,
  drawnName,
  drawSample,
  poolDigest,
  type RandomDraw,
  sampleSize,
} from '#shared/inspections/domain/random-draw.ts';
import type { RandomDrawRepository } from '#shared/inspections/store/random-draw-repository.ts';
import { type PlanPorts, plannedItem } from '#shared/inspections/use-cases/inspection-plans.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { RuleViolation } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { effectiveStatus } from '#shared/organisation/domain/officer.ts';

export interface DrawPorts extends PlanPorts {
  randomDraws: Port<RandomDrawRepository>;
}

/**
 * A random inspection draw (双随机, PUB-15): subjects from the pool and officers qualified for
 * inspection today, each by the seeded shuffle, for a matter of the published random-inspections
 * list that the agency's filed annual plan has (INS-2), at the plan's ratio. The draw is stored once and public at once, with its seed, so anyone can repeat it.
 */
export async function drawInspection(
  ports: DrawPorts,
  principal: Principal,
  input: DrawInput,
): Promise<RandomDraw> {
  const list = await currentEdition(ports, principal.agencyId, 'random-inspections');
  const matter = (list?.items as ChecklistItem<'random-inspections'>[] | undefined)?.find(
    (item) => item.code === input.matterCode,
  );
  if (!list || !matter) {
    throw new RuleViolation('MATTER_NOT_PUBLISHED', '抽查事项不在已公布的随机抽查事项清单中', [
      { path: 'matterCode', message: `${input.matterCode} 未公布` },
    ]);
  }
  const today = legalDateOf(ports.now());
  const { plan, item: planned } = await plannedItem(
    ports,
    principal.agencyId,
    today,
    matter.code,
    'matterCode',
  );
  const officers = [];
  let cursor: string | undefined;
  do {
    const page = await ports.officers.list(principal.agencyId, 100, cursor);
    officers.push(
      ...page.items.filter(
        (officer) => effectiveStatus(officer, today) === 'valid' && officer.categories.includes('inspection'),
      ),
    );
    cursor = page.nextCursor;
  } while (cursor);
  const perInspection = input.officersPerInspection ?? 2;
  if (officers.length < perInspection) {
    throw new RuleViolation('OFFICER_NOT_QUALIFIED', '持有效行政检查执法证的执法人员不足，不能抽取', [
      { path: 'officersPerInspection', message: `现有 ${officers.length} 名` },
    ]);
  }
  const seed = randomBytes(16).toString('hex');
  const pool = [...input.pool].sort((a, b) => a.id.localeCompare(b.id));
  const count = input.count ?? sampleSize(planned.ratio ?? matter.ratio, pool.length);
  const subjects = drawSample(seed, pool, count);
  const byNumber = [...officers].sort((a, b) => a.certificateNo.localeCompare(b.certificateNo));
  const drawnOfficers = drawSample(seed, byNumber, perInspection, pool.length);
  const draw: RandomDraw = {
    id: ulid(),
    agencyId: principal.agencyId,
    matterCode: matter.code,
    checklistId: list.id,
    checklistEdition: list.edition ?? 1,
    planYear: plan.year,
    planVersion: plan.version,
    algorithm: DRAW_ALGORITHM,
    seed,
    poolSha256: poolDigest(pool.map((item) => item.id)),
    poolSize: pool.length,
    subjects: subjects.map((subject) => ({ id: subject.id, name: drawnName(subject) })),
    officers: drawnOfficers.map((officer) => ({ certificateNo: officer.certificateNo, name: officer.name })),
    drawnAt: ports.now().toISOString(),
    drawnBy: principal.sub,
    drawnByName: principal.name,
  };
  await ports.randomDraws.add(draw);
  return draw;
}
