import { describe, expect, it } from 'vitest';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { entryHash, type JournalEntry, sha256Hex, verifyChain } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { registerOfficer } from '#shared/organisation/use-cases/officers.ts';
import type { JournalAnchor } from '#shared/recording/store/journal-anchors.ts';
import {
  anchorDay,
  anchorRecentDays,
  verifyAgainstAnchors,
} from '#shared/recording/use-cases/journal-anchors.ts';
import { registerCase } from '#shared/recording/use-cases/register-case.ts';
import {
  AGENCY,
  cast,
  PARTY,
  readyForDecision,
  SMALL_FINE,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

/** 10:00 in Beijing on a date. */
const at = (date: string) => `${date}T02:00:00.000Z`;
/** Monday 2, Tuesday 3 and Wednesday 4 March 2026. */
const [MONDAY, TUESDAY, WEDNESDAY] = ['2026-03-02', '2026-03-03', '2026-03-04'];

const OTHER = 'yongde-mzj';
const otherAdmin: Principal = { sub: 'admin-yd', name: 'admin-yd', agencyId: OTHER, roles: ['admin'] };
const otherOfficer: Principal = {
  sub: 'officer-yd',
  name: 'officer-yd',
  agencyId: OTHER,
  unitId: 'shswg',
  roles: ['officer'],
};

/** A case registered in a second agency, so a day holds the journals of two agencies. */
async function otherAgencyCase(world: UnitWorld): Promise<string> {
  const { ports } = world;
  await ports.agencies.put({
    agencyId: OTHER,
    name: '永德县民政局',
    region: '永德县',
    units: [{ id: 'shswg', name: '社会事务股' }],
    updatedAt: ports.now().toISOString(),
    updatedBy: otherAdmin.sub,
  });
  const certificates = ['YD-0001', 'YD-0002'] as const;
  for (const [index, certificateNo] of certificates.entries())
    await registerOfficer(ports, otherAdmin, {
      name: `officer-${index}`,
      unitId: 'shswg',
      position: '科员',
      certificateNo,
      userId: index === 0 ? otherOfficer.sub : 'officer-yd-2',
      categories: ['penalty'],
      region: '永德县',
      validFrom: '2024-01-01',
      validTo: '2028-12-31',
    });
  const registered = await registerCase(ports, otherOfficer, {
    category: 'penalty',
    procedure: 'general',
    title: '某养老院未公示收费标准案',
    party: PARTY,
    officers: [...certificates],
    unitId: 'shswg',
    flags: {},
  });
  return registered.id;
}

/** The journal's newest entry on a day (Asia/Shanghai): what that day's anchor holds of the case. */
const headOn = (entries: readonly JournalEntry[], day: string) => {
  const head = entries.filter((entry) => legalDateOf(new Date(entry.at)) === day).at(-1);
  if (!head) throw new Error(`no journal entry on ${day}`);
  return { seq: head.seq, head: head.hash };
};

async function anchorOf(world: UnitWorld, agencyId: string, day: string) {
  const text = await world.ports.anchors.read(agencyId, day);
  if (text === undefined) throw new Error(`no anchor of ${agencyId} on ${day}`);
  return { text, anchor: JSON.parse(text) as JournalAnchor };
}

/** Two days of journals: case A walked on Monday and decided on Tuesday, case B and another agency's on Tuesday. */
async function twoDays() {
  const world = await unitBureau(at(MONDAY));
  const first = (await readyForDecision(world)).caseId;
  world.clock.set(at(TUESDAY));
  await issueDecision(world.ports, cast.handler, first, SMALL_FINE);
  const second = (await readyForDecision(world)).caseId;
  const other = await otherAgencyCase(world);
  return { world, first, second, other };
}

describe('journal anchors, without a database', () => {
  it('[REC-3] a day’s newest heads are anchored per agency, each anchor linked to the agency’s one before', async () => {
    const { world, first, second, other } = await twoDays();
    const { ports } = world;
    const journal = (agencyId: string, caseId: string) => ports.cases.journal(agencyId, caseId);

    expect(await anchorDay(ports, MONDAY)).toEqual({ day: MONDAY, agencies: 1, cases: 1 });
    const monday = await anchorOf(world, AGENCY, MONDAY);
    expect(monday.anchor).toEqual({
      agencyId: AGENCY,
      day: MONDAY,
      previous: null,
      cases: [{ caseId: first, ...headOn(await journal(AGENCY, first), MONDAY) }],
    });
    expect(await ports.anchors.get(AGENCY, MONDAY)).toMatchObject({ sha256: sha256Hex(monday.text) });

    expect(await anchorDay(ports, TUESDAY)).toEqual({ day: TUESDAY, agencies: 2, cases: 3 });
    const tuesday = await anchorOf(world, AGENCY, TUESDAY);
    const heads = await Promise.all(
      [first, second].map(async (caseId) => ({ caseId, ...headOn(await journal(AGENCY, caseId), TUESDAY) })),
    );
    expect(tuesday.anchor).toEqual({
      agencyId: AGENCY,
      day: TUESDAY,
      previous: { day: MONDAY, sha256: sha256Hex(monday.text) },
      cases: heads.sort((a, b) => a.caseId.localeCompare(b.caseId)),
    });
    // The other agency's chain starts on its own first day, and holds only its own case.
    expect((await anchorOf(world, OTHER, TUESDAY)).anchor).toEqual({
      agencyId: OTHER,
      day: TUESDAY,
      previous: null,
      cases: [{ caseId: other, ...headOn(await journal(OTHER, other), TUESDAY) }],
    });
    expect(await ports.anchors.latest(AGENCY)).toMatchObject({
      day: TUESDAY,
      sha256: sha256Hex(tuesday.text),
    });
  });

  it('[REC-3] the daily job anchors yesterday and the day before; run again, it leaves every anchor as it was', async () => {
    const { world } = await twoDays();
    const { ports } = world;
    // Wednesday: Monday was missed by Tuesday's run, so it is the day before yesterday.
    world.clock.set(at(WEDNESDAY));
    expect(await anchorRecentDays(ports)).toEqual([
      { day: MONDAY, agencies: 1, cases: 1 },
      { day: TUESDAY, agencies: 2, cases: 3 },
    ]);
    const texts = await Promise.all([MONDAY, TUESDAY].map((day) => anchorOf(world, AGENCY, day)));
    expect(texts[1]?.anchor.previous).toEqual({ day: MONDAY, sha256: sha256Hex(texts[0]?.text ?? '') });

    expect(await anchorRecentDays(ports)).toEqual([
      { day: MONDAY, agencies: 0, cases: 1 },
      { day: TUESDAY, agencies: 0, cases: 3 },
    ]);
    expect(await Promise.all([MONDAY, TUESDAY].map((day) => anchorOf(world, AGENCY, day)))).toEqual(texts);
    // A day older than the agency's latest anchor is not anchored out of order.
    expect(await anchorDay(ports, '2026-03-01')).toEqual({ day: '2026-03-01', agencies: 0, cases: 0 });
  });

  it('[REC-3] a journal rewritten after it was anchored is caught at the first anchored day, though its chain is whole', async () => {
    const { world, first } = await twoDays();
    const { ports } = world;
    await anchorDay(ports, MONDAY);
    await anchorDay(ports, TUESDAY);
    const entries = await ports.cases.journal(AGENCY, first);
    expect(await verifyAgainstAnchors(ports, AGENCY, first, entries)).toEqual({ checked: 2 });

    // Someone holding the tables' credentials edits Monday's third entry and re-chains every entry
    // after it, the case's head with them: the chain alone no longer shows it.
    const edited = 3;
    const rewritten: JournalEntry[] = [];
    for (const entry of entries) {
      const prevHash = rewritten.at(-1)?.hash ?? entry.prevHash;
      const data = entry.seq === edited ? { ...entry.data, note: '事后补写' } : entry.data;
      const unsigned = { ...entry, data, prevHash };
      rewritten.push({ ...unsigned, hash: entryHash(unsigned) });
    }
    const last = rewritten.at(-1);
    expect(verifyChain(rewritten, { seq: last?.seq ?? 0, hash: last?.hash ?? '' }).ok).toBe(true);
    expect(legalDateOf(new Date(entries[edited - 1]?.at ?? ''))).toBe(MONDAY);

    const verdict = await verifyAgainstAnchors(ports, AGENCY, first, rewritten);
    expect(verdict.checked).toBe(0);
    expect(verdict.broken).toMatchObject({ day: MONDAY, seq: headOn(entries, MONDAY).seq });

    // Entries dropped from the end are caught too, at the first anchored head that is gone.
    const truncated = entries.filter((entry) => entry.seq <= headOn(entries, MONDAY).seq);
    expect(await verifyAgainstAnchors(ports, AGENCY, first, truncated)).toMatchObject({
      checked: 1,
      broken: { day: TUESDAY, seq: headOn(entries, TUESDAY).seq },
    });
  });

  it('[REC-3] a case is checked only against the anchored days that hold it', async () => {
    const { world, second } = await twoDays();
    const { ports } = world;
    const entries = await ports.cases.journal(AGENCY, second);
    // Not anchored yet: nothing to check against.
    expect(await verifyAgainstAnchors(ports, AGENCY, second, entries)).toEqual({ checked: 0 });
    await anchorDay(ports, TUESDAY);
    expect(await verifyAgainstAnchors(ports, AGENCY, second, entries)).toEqual({ checked: 1 });
    // Wednesday's entries are not anchored: a change among them is not the anchors' to see.
    world.clock.set(at(WEDNESDAY));
    await issueDecision(ports, cast.handler, second, SMALL_FINE);
    const later = await ports.cases.journal(AGENCY, second);
    expect(later.length).toBeGreaterThan(entries.length);
    expect(await verifyAgainstAnchors(ports, AGENCY, second, later)).toEqual({ checked: 1 });
  });
});
