import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { createDraft, publishChecklist } from '#shared/checklists/use-cases/checklists.ts';
import {
  DRAW_ALGORITHM,
  type DrawInput,
  drawnName,
  drawSample,
  poolDigest,
  sampleSize,
} from '#shared/inspections/domain/random-draw.ts';
import { drawInspection } from '#shared/inspections/use-cases/random-draws.ts';
import type { OfficerInput } from '#shared/organisation/domain/officer.ts';
import { registerOfficer } from '#shared/organisation/use-cases/officers.ts';
import { fileUnitPlan } from '#test/helpers/inspection-plans.ts';
import {
  AGENCY,
  cast,
  OFFICERS,
  refusal,
  UNIT,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

const MATTER: ChecklistItem<'random-inspections'> = {
  code: 'SJ-YL-01',
  inspectingBody: '昌宁县民政局',
  basis: '《养老机构管理办法》第三十九条',
  objects: '辖区内养老机构',
  content: '消防安全、服务质量、入院评估制度',
  method: '现场检查',
  ratio: '5%',
  frequency: '每年一次',
};

/** The random-inspections list with MATTER, drafted by one administrator and published by another, and the year's plan of it (INS-2). */
async function publishedList(world: UnitWorld, items = [MATTER]) {
  const draft = await createDraft(world.ports, cast.admin, {
    kind: 'random-inspections',
    title: '昌宁县民政局随机抽查事项清单',
    items,
  });
  const list = await publishChecklist(world.ports, cast.secondAdmin, draft.id);
  await fileUnitPlan(
    world.ports,
    2026,
    items.map((item) => item.code),
  );
  return list;
}

/** An officer who may not inspect: another category only, or a certificate no longer valid. */
const officer = (certificateNo: string, overrides: Partial<OfficerInput>): OfficerInput => ({
  name: certificateNo,
  unitId: UNIT,
  position: '科员',
  certificateNo,
  categories: ['inspection'],
  region: '昌宁县',
  validFrom: '2024-01-01',
  validTo: '2028-12-31',
  ...overrides,
});

/** The directory of inspected objects, given in no particular order: organisations and a few persons. */
const pool: DrawInput['pool'] = Array.from({ length: 40 }, (_, index) => {
  const n = (index * 17) % 40;
  return n % 10 === 0
    ? { id: `YL-${String(n).padStart(3, '0')}`, name: `张三${n}`, kind: 'person' as const }
    : { id: `YL-${String(n).padStart(3, '0')}`, name: `昌宁县第${n}养老院`, kind: 'organization' as const };
});

describe('random inspection draws, without a database', () => {
  it('[PUB-15] a draw is repeatable from its published seed and pool digest, stored once and public', async () => {
    const world = await unitBureau();
    const list = await publishedList(world);
    // Neither may inspect: a penalty-only certificate, and an inspection one that has expired.
    await registerOfficer(world.ports, cast.admin, officer('ZF-0003', { categories: ['penalty'] }));
    await registerOfficer(world.ports, cast.admin, officer('ZF-0000', { validTo: '2025-12-31' }));

    const draw = await drawInspection(world.ports, cast.head, { matterCode: MATTER.code, pool });
    // Anyone repeats it: the pool ordered by id, the seeded shuffle for the subjects, then the
    // qualified officers by certificate number with the sequence going on after the pool.
    const ordered = [...pool].sort((a, b) => a.id.localeCompare(b.id));
    const count = sampleSize(MATTER.ratio, pool.length);
    const subjects = drawSample(draw.seed, ordered, count);
    const qualified = await Promise.all(
      [...OFFICERS].sort().map(async (no) => world.ports.officers.get(AGENCY, no)),
    );
    const officers = drawSample(draw.seed, qualified, 2, pool.length);
    expect(draw).toMatchObject({
      agencyId: AGENCY,
      matterCode: MATTER.code,
      checklistId: list.id,
      checklistEdition: list.edition,
      algorithm: DRAW_ALGORITHM,
      poolSha256: poolDigest(ordered.map((item) => item.id)),
      poolSize: pool.length,
      subjects: subjects.map((subject) => ({ id: subject.id, name: drawnName(subject) })),
      officers: officers.map((item) => ({ certificateNo: item?.certificateNo, name: item?.name })),
      drawnAt: world.clock.now().toISOString(),
      drawnBy: cast.head.sub,
      drawnByName: cast.head.name,
    });
    expect(draw.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(draw.subjects).toHaveLength(2);
    expect(new Set(draw.officers.map((item) => item.certificateNo))).toEqual(new Set(OFFICERS));
    // A drawn person is shown masked (LAW-5), an organisation by its name.
    for (const subject of draw.subjects) {
      const drawn = pool.find((item) => item.id === subject.id);
      if (drawn?.kind === 'person') expect(subject.name).not.toBe(drawn.name);
      else expect(subject.name).toBe(drawn?.name);
    }
    // Stored as drawn, and listed for the public at once.
    expect(await world.ports.randomDraws.get(draw.id)).toEqual(draw);
    expect(await world.ports.randomDraws.latest(AGENCY, 10)).toEqual([draw]);
  });

  it('[PUB-15] the pool’s order does not change the draw: its digest and the drawn ids follow the ids only', async () => {
    const world = await unitBureau();
    await publishedList(world);
    const forward = await drawInspection(world.ports, cast.head, { matterCode: MATTER.code, pool, count: 5 });
    const backward = await drawInspection(world.ports, cast.head, {
      matterCode: MATTER.code,
      pool: [...pool].reverse(),
      count: 5,
    });
    expect(backward.poolSha256).toBe(forward.poolSha256);
    // Each draw has its own seed; repeated with the other's seed, each gives the other's subjects.
    expect(backward.seed).not.toBe(forward.seed);
    const ordered = [...pool].sort((a, b) => a.id.localeCompare(b.id));
    for (const draw of [forward, backward])
      expect(draw.subjects.map((subject) => subject.id)).toEqual(
        drawSample(draw.seed, ordered, 5).map((subject) => subject.id),
      );
    expect(await world.ports.randomDraws.latest(AGENCY, 10)).toHaveLength(2);
  });

  it('[LAW-9] [PUB-15] only a matter of the published random-inspections list is drawn for', async () => {
    const world = await unitBureau();
    const unpublished = await refusal(
      drawInspection(world.ports, cast.head, { matterCode: MATTER.code, pool }),
    );
    expect(unpublished.code).toBe('MATTER_NOT_PUBLISHED');
    expect(unpublished.details.map((detail) => detail.path)).toEqual(['matterCode']);
    // A draft is not a published list.
    await createDraft(world.ports, cast.admin, {
      kind: 'random-inspections',
      title: '草稿',
      items: [MATTER],
    });
    expect(
      (await refusal(drawInspection(world.ports, cast.head, { matterCode: MATTER.code, pool }))).code,
    ).toBe('MATTER_NOT_PUBLISHED');

    await publishedList(world);
    const other = await refusal(drawInspection(world.ports, cast.head, { matterCode: 'SJ-YL-99', pool }));
    expect(other.code).toBe('MATTER_NOT_PUBLISHED');
    expect(other.details.map((detail) => detail.path)).toEqual(['matterCode']);
    expect(await world.ports.randomDraws.latest(AGENCY, 10)).toEqual([]);
  });

  it('[PUB-15] [LAW-2] with fewer officers qualified for inspection today than each inspection needs, nothing is drawn', async () => {
    const world = await unitBureau();
    await publishedList(world);
    await registerOfficer(world.ports, cast.admin, officer('ZF-0003', { categories: ['penalty'] }));
    await registerOfficer(world.ports, cast.admin, officer('ZF-0004', { validFrom: '2027-01-01' }));
    const refused = await refusal(
      drawInspection(world.ports, cast.head, { matterCode: MATTER.code, pool, officersPerInspection: 3 }),
    );
    expect(refused.code).toBe('OFFICER_NOT_QUALIFIED');
    expect(refused.details.map((detail) => detail.path)).toEqual(['officersPerInspection']);
    expect(await world.ports.randomDraws.latest(AGENCY, 10)).toEqual([]);
    // Three are needed and two qualify; once the third certificate is in force, the draw goes ahead.
    world.clock.set('2027-01-04T02:00:00.000Z');
    const draw = await drawInspection(world.ports, cast.head, {
      matterCode: MATTER.code,
      pool,
      officersPerInspection: 3,
    });
    expect(draw.officers.map((item) => item.certificateNo).sort()).toEqual([...OFFICERS, 'ZF-0004'].sort());
  });
});
