import { describe, expect, it } from 'vitest';
import {
  createDraft,
  diffEditions,
  editChecklist,
  getChecklist,
  listChecklists,
  publicEdition,
  publishChecklist,
} from '#shared/checklists/use-cases/checklists.ts';
import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden, ValidationFailed } from '#shared/kernel/errors.ts';
import { changeOfficerStatus, registerOfficer } from '#shared/organisation/use-cases/officers.ts';
import { inMemoryWorld } from '#test/fakes/in-memory-ports.ts';
import { matters } from '#test/fixtures/checklists.ts';
import { AGENCY, cast, person } from '#test/helpers/unit-case.ts';

const editor = cast.admin;
const checker = cast.secondAdmin;

async function world() {
  const made = inMemoryWorld('2026-03-02T02:00:00.000Z');
  await made.ports.agencies.put({
    agencyId: AGENCY,
    name: '昌宁县民政局',
    region: '昌宁县',
    units: [{ id: 'shswg', name: '社会事务股' }],
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'admin',
  });
  return made;
}

describe('checklists, without a database', () => {
  it('[PUB-2] [LAW-12] a draft is published by a second person, never by one who edited it', async () => {
    const { ports } = await world();
    const draft = await createDraft(ports, editor, {
      kind: 'matters',
      title: '执法事项清单',
      items: matters,
    });
    const third = person('admin-3', ['admin'], 'dzbgs');
    // A second editor joins the draft: now neither of them may publish it.
    const edited = await editChecklist(ports, checker, draft.id, {
      items: matters,
      title: '执法事项清单（修订）',
      expectedVersion: draft.version,
    });
    expect(edited.editors).toEqual([editor.sub, checker.sub]);
    for (const who of [editor, checker])
      await expect(publishChecklist(ports, who, draft.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(ports.checklists.current(AGENCY, 'matters')).resolves.toBeUndefined();
    // A stale version is refused.
    await expect(
      publishChecklist(ports, third, draft.id, { expectedVersion: draft.version }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const published = await publishChecklist(ports, third, draft.id, { expectedVersion: edited.version });
    expect(published).toMatchObject({
      status: 'published',
      edition: 1,
      publishedBy: third.sub,
      effectiveFrom: legalDateOf(ports.now()),
    });
    await expect(publishChecklist(ports, third, draft.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await publicEdition(ports, AGENCY, 'matters')).id).toBe(draft.id);
  });

  it('[PUB-2] the next edition supersedes the one in force, which stays readable with its dates', async () => {
    const { ports, clock } = await world();
    const first = await createDraft(ports, editor, {
      kind: 'matters',
      title: '执法事项清单',
      items: matters,
    });
    await publishChecklist(ports, checker, first.id);
    clock.set('2026-04-01T02:00:00.000Z');
    // Editing the edition in force starts a new draft based on it; the edition itself is untouched.
    const [kept] = matters;
    const next = await editChecklist(ports, editor, first.id, {
      items: [kept, { ...matters[1], timeLimit: '3日' }],
      expectedVersion: 2,
    });
    expect(next).toMatchObject({ status: 'draft', basedOn: first.id, version: 1 });
    expect((await publicEdition(ports, AGENCY, 'matters')).id).toBe(first.id);

    const second = await publishChecklist(ports, checker, next.id);
    const today = legalDateOf(ports.now());
    expect(second).toMatchObject({ edition: 2, effectiveFrom: today });
    const superseded = await ports.checklists.get(AGENCY, first.id);
    expect(superseded).toMatchObject({ status: 'superseded', effectiveTo: addCalendarDays(today, -1) });
    expect((await publicEdition(ports, AGENCY, 'matters')).id).toBe(next.id);
    // On a day in March the first edition was in force; it is still there to read.
    expect((await publicEdition(ports, AGENCY, 'matters', '2026-03-15')).edition).toBe(1);
    const diff = await diffEditions(ports, AGENCY, 'matters', 1, 2);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((change) => change.code)).toEqual([matters[1]?.code]);
    // A superseded edition is not edited.
    await expect(
      editChecklist(ports, editor, first.id, { items: matters, expectedVersion: superseded?.version ?? 0 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('[PUB-2] an edition published to take effect on a later day replaces the one in force on that day, not before', async () => {
    const { ports, clock } = await world();
    const first = await createDraft(ports, editor, {
      kind: 'matters',
      title: '执法事项清单',
      items: matters,
    });
    await publishChecklist(ports, checker, first.id);
    const next = await editChecklist(ports, editor, first.id, {
      items: [matters[0], { ...matters[1], timeLimit: '3日' }],
      expectedVersion: 2,
    });
    const today = legalDateOf(ports.now());
    // Not a day before today, nor more than a year ahead; each refusal names the field.
    for (const effectiveFrom of [addCalendarDays(today, -1), addCalendarDays(today, 367)]) {
      const refused = await publishChecklist(ports, checker, next.id, { effectiveFrom }).catch(
        (error) => error,
      );
      expect(refused).toBeInstanceOf(ValidationFailed);
      expect(refused.details[0]).toMatchObject({
        path: 'effectiveFrom',
        message: expect.stringMatching(/^施行日期/),
      });
    }
    const from = addCalendarDays(today, 10);
    const second = await publishChecklist(ports, checker, next.id, { effectiveFrom: from });
    expect(second).toMatchObject({ status: 'published', edition: 2, effectiveFrom: from });
    // Until then the first edition is the one in force, to the public and to every rule.
    expect((await publicEdition(ports, AGENCY, 'matters')).id).toBe(first.id);
    expect(await getChecklist(ports, AGENCY, first.id)).toMatchObject({
      status: 'published',
      effectiveTo: addCalendarDays(from, -1),
    });
    expect((await publicEdition(ports, AGENCY, 'matters', addCalendarDays(from, -1))).edition).toBe(1);
    expect((await publicEdition(ports, AGENCY, 'matters', from)).edition).toBe(2);
    // While it waits, no other edition of the kind is published.
    const third = await createDraft(ports, editor, {
      kind: 'matters',
      title: '执法事项清单（又一版）',
      items: matters,
    });
    await expect(publishChecklist(ports, checker, third.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ path: 'effectiveFrom' }],
    });
    // On its day it is in force, and the first edition reads as superseded, with nothing run at midnight.
    clock.set(`${from}T00:30:00.000+08:00`);
    expect((await publicEdition(ports, AGENCY, 'matters')).id).toBe(next.id);
    expect(await getChecklist(ports, AGENCY, first.id)).toMatchObject({ status: 'superseded' });
    expect(
      (await listChecklists(ports, AGENCY, { kind: 'matters', status: 'published' })).map((each) => each.id),
    ).toEqual([next.id]);
    // And the next edition is published against it.
    expect(await publishChecklist(ports, checker, third.id)).toMatchObject({ edition: 3 });
    expect(await getChecklist(ports, AGENCY, next.id)).toMatchObject({ status: 'superseded' });
  });

  it('[PUB-5] the officer list is generated from the registry: only valid certificates, never typed by hand', async () => {
    const { ports } = await world();
    const certificate = (certificateNo: string, userId: string) => ({
      name: userId,
      unitId: 'shswg',
      position: '科员',
      certificateNo,
      userId,
      categories: ['penalty' as const],
      region: '昌宁县',
      validFrom: '2024-01-01',
      validTo: '2028-12-31',
    });
    await registerOfficer(ports, editor, certificate('ZF-0001', 'officer-wang'));
    const suspended = await registerOfficer(ports, editor, certificate('ZF-0002', 'officer-li'));
    await changeOfficerStatus(ports, editor, suspended.certificateNo, {
      status: 'suspended',
      reason: '年度审验未通过',
    });
    await expect(
      createDraft(ports, editor, { kind: 'officers', title: '执法人员资格清单', items: [{ code: 'X' }] }),
    ).rejects.toBeInstanceOf(ValidationFailed);
    const draft = await createDraft(ports, editor, { kind: 'officers', title: '执法人员资格清单' });
    expect(draft.items.map((item) => item.code)).toEqual(['ZF-0001']);
  });
});
