import { describe, expect, it } from 'vitest';
import { Forbidden, RuleViolation, StaleWrite, ValidationFailed } from '#shared/kernel/errors.ts';
import { registerOfficer } from '#shared/organisation/use-cases/officers.ts';
import type { CaseInput } from '#shared/recording/domain/case.ts';
import { readCase } from '#shared/recording/use-cases/case-access.ts';
import { addActivity } from '#shared/recording/use-cases/case-activities.ts';
import { caseJournal, verifyCaseJournal } from '#shared/recording/use-cases/case-journal.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import { transitionCase } from '#shared/recording/use-cases/transition-case.ts';
import { AGENCY, cast, OFFICERS, person, UNIT, unitBureau } from '#test/helpers/unit-case.ts';

const officer = cast.handler;

const penaltyCase = (overrides: Partial<CaseInput> = {}): CaseInput => ({
  category: 'penalty',
  procedure: 'general',
  title: '杨某某养老服务点未建立入院评估制度案',
  party: { kind: 'person', name: '杨某某', idNumber: '530524197805061235' },
  officers: OFFICERS,
  unitId: UNIT,
  ...overrides,
});

/** The unit-test bureau, and a third certificate: another unit's inspector, not a penalty officer. */
async function bureau() {
  const world = await unitBureau('2026-03-02T02:00:00.000Z');
  await registerOfficer(world.ports, cast.admin, {
    name: '赵丽娟',
    unitId: 'shzzg',
    position: '科员',
    certificateNo: 'ZF-0003',
    userId: 'officer-zhao',
    categories: ['inspection'],
    region: '昌宁县',
    validFrom: '2024-01-01',
    validTo: '2028-12-31',
  });
  return world;
}

describe('case commands, without a database', () => {
  it('[LAW-2] [REC-3] a case is registered by qualified officers only, and opens its journal', async () => {
    const { ports } = await bureau();
    const refused = await registerCase(
      ports,
      officer,
      penaltyCase({ officers: [OFFICERS[0], 'ZF-0003'] }),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RuleViolation);
    expect((refused as RuleViolation).details.map((detail) => detail.path)).toEqual(['officers.1']);

    const record = await registerCase(ports, officer, penaltyCase());
    expect(record.handlers.sort()).toEqual([cast.colleague.sub, cast.handler.sub].sort());
    const journal = await caseJournal(ports, officer, record.id);
    expect(journal.map((entry) => entry.type)).toEqual(['case.registered']);
    // The journal is read widely: the party's name in it is masked (LAW-5).
    const party = journal[0]?.data.party as { name: string };
    expect(party.name).toMatch(/^杨/);
    expect(party.name).not.toBe('杨某某');
  });

  it('[LAW-9] an inspection cites a matter of the published lists', async () => {
    const { ports } = await bureau();
    const inspection = penaltyCase({ category: 'inspection', matterId: 'MZ-JC-001' });
    await expect(registerCase(ports, officer, { ...inspection, matterId: undefined })).rejects.toMatchObject({
      code: 'MATTER_NOT_PUBLISHED',
    });
    await expect(registerCase(ports, officer, inspection)).rejects.toMatchObject({
      code: 'MATTER_NOT_PUBLISHED',
    });
  });

  it('[ORG-4] a person outside the case’s unit neither reads nor changes it; the unit head does', async () => {
    const { ports } = await bureau();
    const record = await registerCase(ports, officer, penaltyCase());
    const otherUnit = person('officer-zhao', ['officer'], 'shzzg');
    await expect(readCase(ports, otherUnit, record.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(transitionCase(ports, otherUnit, record.id, { to: 'investigating' })).rejects.toBeInstanceOf(
      Forbidden,
    );
    expect((await transitionCase(ports, cast.head, record.id, { to: 'investigating' })).status).toBe(
      'investigating',
    );
  });

  it('[REC-3] a command that lost a race to another writer is tried again from a fresh read, and the chain holds', async () => {
    const { ports } = await bureau();
    const record = await registerCase(ports, officer, penaltyCase());
    ports.cases.loseNextRaces(2);
    const moved = await transitionCase(ports, officer, record.id, { to: 'investigating' });
    expect(moved.version).toBe(2);
    expect((await verifyCaseJournal(ports, officer, record.id)).ok).toBe(true);
    ports.cases.loseNextRaces(100);
    await expect(
      transitionCase(ports, officer, record.id, { to: 'pending-decision' }),
    ).rejects.toBeInstanceOf(StaleWrite);
    expect((await caseJournal(ports, officer, record.id)).map((entry) => entry.type)).toEqual([
      'case.registered',
      'case.transitioned',
    ]);
  });

  it('[LAW-4] a case reaches a decision only through the decision command, and only by the state machine', async () => {
    const { ports } = await bureau();
    const record = await registerCase(ports, officer, penaltyCase());
    await expect(transitionCase(ports, officer, record.id, { to: 'decided' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expect(transitionCase(ports, officer, record.id, { to: 'served' })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      details: [{ path: 'to' }],
    });
  });

  it('[LAW-2] an activity cannot be dated in the future or before the case was registered', async () => {
    const { ports, clock } = await bureau();
    const record = await registerCase(ports, officer, penaltyCase());
    await transitionCase(ports, officer, record.id, { to: 'investigating' });
    clock.set('2026-03-03T02:00:00.000Z');
    const activity = {
      type: 'on-site-inspection' as const,
      officers: OFFICERS,
      location: '昌宁县田园镇某村',
    };
    for (const startedAt of ['2026-03-04T02:00:00.000Z', '2026-03-01T02:00:00.000Z']) {
      const refused = await addActivity(ports, officer, record.id, { ...activity, startedAt }).catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(ValidationFailed);
      expect((refused as ValidationFailed).details[0]?.path).toBe('startedAt');
    }
    const added = await addActivity(ports, officer, record.id, {
      ...activity,
      startedAt: '2026-03-03T01:00:00.000Z',
    });
    expect(added.id).toBeTruthy();
  });

  it('[REC-9] registering counts the case on its day, once, in the statistics', async () => {
    const { ports } = await bureau();
    await registerCase(ports, officer, penaltyCase());
    await registerCase(ports, officer, penaltyCase());
    const totals = await ports.statistics.between(AGENCY, '2026-03-02', '2026-03-02');
    expect(Object.values(totals).some((value) => value === 2)).toBe(true);
    expect(await ports.statistics.between(AGENCY, '2026-03-03', '2026-12-31')).toEqual({});
  });
});
