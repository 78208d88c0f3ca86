import { describe, expect, it } from 'vitest';
import { PublicationPublished, PublicationWithdrawn } from '#events/publication-events.ts';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { revokeDecision } from '#shared/decisions/use-cases/revoke-decision.ts';
import { workingDaysAfter } from '#shared/kernel/calendar.ts';
import { addCalendarMonths, legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden, ValidationFailed } from '#shared/kernel/errors.ts';
import { deadline, yearCalendar } from '#shared/kernel/use-cases/calendar.ts';
import { setPublicationRule } from '#shared/publicity/use-cases/publication-access.ts';
import { sweepPublications } from '#shared/publicity/use-cases/publication-sweep.ts';
import {
  confirmPublication,
  exemptPublication,
  previewPublication,
  publishByHand,
} from '#shared/publicity/use-cases/publish-decision.ts';
import type { CaseInput } from '#shared/recording/domain/case.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';
import { caseJournal } from '#shared/recording/use-cases/case-journal.ts';
import { transitionCase } from '#shared/recording/use-cases/transition-case.ts';
import {
  AGENCY,
  cast,
  PARTY,
  readyForDecision,
  SMALL_FINE,
  tick,
  type UnitWorld,
  unitBureau,
  type WalkOptions,
} from '#test/helpers/unit-case.ts';

/** Tuesday 29 September 2026, 10:00 in Beijing: the National Day holiday (1-7 October) lies ahead. */
const DECIDED = '2026-09-29T02:00:00.000Z';
const ORGANISATION: CaseInput['party'] = {
  kind: 'organization',
  name: '昌宁县某养老服务有限公司',
  idNumber: '91530524MA6N1234XY',
};
/** 10:00 in Beijing on a date. */
const at = (date: string) => `${date}T02:00:00.000Z`;

/** A decided penalty case (¥5,000, no review needed) and its publication. */
async function decided(world: UnitWorld, options: WalkOptions = {}, proposal: Proposal = SMALL_FINE) {
  const { caseId } = await readyForDecision(world, options);
  tick(world);
  const issued = await issueDecision(world.ports, cast.handler, caseId, proposal);
  return { caseId, publicationId: issued.publication.id, dueBy: issued.publication.dueBy ?? '' };
}

const publicationOf = async (world: UnitWorld, id: string) => {
  const publication = await world.ports.publications.get(AGENCY, id);
  if (!publication) throw new Error(`publication ${id} not stored`);
  return publication;
};

describe('publications, without a database', () => {
  it('[PUB-12] the sweep publishes nothing early that is not ready, and everything that is due, once', async () => {
    const world = await unitBureau(DECIDED);
    // A natural person: the preview waits for a person to confirm it before an early publication.
    const { caseId, publicationId, dueBy } = await decided(world);
    expect(await sweepPublications(world.ports)).toMatchObject({ published: [], failed: [] });
    // The day before the due date, still nothing.
    const calendars = new Map([[2026, await yearCalendar(world.ports, 2026)]]);
    expect(workingDaysAfter((year) => calendars.get(year), legalDateOf(world.clock.now()), dueBy)).toBe(7);
    world.clock.set(at('2026-10-13'));
    expect((await sweepPublications(world.ports)).published).toEqual([]);
    expect((await publicationOf(world, publicationId)).status).toBe('scheduled');

    world.clock.set(at(dueBy));
    expect((await sweepPublications(world.ports)).published).toEqual([publicationId]);
    const published = await publicationOf(world, publicationId);
    expect(published).toMatchObject({ status: 'published', publishedOn: dueBy });
    expect(published.late).toBeUndefined();
    expect(published.expiresOn).toBe(addCalendarMonths(dueBy, published.periodMonths));
    // Past its due date nothing waits: published unconfirmed, and the journal says so.
    const entry = (await caseJournal(world.ports, cast.handler, caseId)).at(-1);
    expect(entry).toMatchObject({ type: 'publication.published', data: { unconfirmed: true, late: false } });
    expect(world.events.filter((event) => event.detailType === PublicationPublished.detailType)).toHaveLength(
      1,
    );
    // The public list holds it, and a second sweep publishes nothing again.
    expect((await world.ports.publications.publicRecords(AGENCY, 10)).items.map((item) => item.id)).toEqual([
      publicationId,
    ]);
    expect((await sweepPublications(world.ports)).published).toEqual([]);
    expect(world.events.filter((event) => event.detailType === PublicationPublished.detailType)).toHaveLength(
      1,
    );
  });

  it('[PUB-1] [LAW-5] a confirmed preview is published at the next sweep, before its due date', async () => {
    const world = await unitBureau(DECIDED);
    const { caseId, publicationId, dueBy } = await decided(world);
    const preview = await previewPublication(world.ports, cast.handler, publicationId);
    expect(preview.publication).toMatchObject({ id: publicationId, requiresConfirmation: true, dueBy });
    // Someone outside the case neither confirms nor publishes it.
    const outsider = { ...cast.colleague, sub: 'officer-zhao', unitId: 'shzzg' };
    await expect(confirmPublication(world.ports, outsider, publicationId)).rejects.toBeInstanceOf(Forbidden);
    tick(world);
    const confirmed = await confirmPublication(world.ports, cast.handler, publicationId);
    expect(confirmed).toMatchObject({ ready: true, confirmation: { by: cast.handler.sub } });
    const today = legalDateOf(world.clock.now());
    expect((await sweepPublications(world.ports)).published).toEqual([publicationId]);
    expect(await publicationOf(world, publicationId)).toMatchObject({
      status: 'published',
      publishedOn: today,
    });
    expect(today < dueBy).toBe(true);
    const types = (await caseJournal(world.ports, cast.handler, caseId)).map((entry) => entry.type);
    expect(types.slice(-2)).toEqual(['publication.confirmed', 'publication.published']);
  });

  it('[PUB-1] a rule that publishes on service waits for the service; an organisation needs no confirmation', async () => {
    const world = await unitBureau(DECIDED);
    await setPublicationRule(world.ports, cast.admin, 'penalty', {
      workingDays: 7,
      publishWhen: 'served',
      maskPersonName: true,
    });
    const { caseId, publicationId } = await decided(world, { party: ORGANISATION });
    expect((await publicationOf(world, publicationId)).ready).toBe(false);
    expect((await sweepPublications(world.ports)).published).toEqual([]);
    await expect(publishByHand(world.ports, cast.head, publicationId)).rejects.toMatchObject({
      code: 'PUBLICATION_NOT_READY',
    });
    tick(world);
    await transitionCase(world.ports, cast.handler, caseId, { to: 'served' });
    expect((await publicationOf(world, publicationId)).ready).toBe(true);
    expect((await sweepPublications(world.ports)).published).toEqual([publicationId]);
  });

  it('[PUB-12] a publication the sweep reaches after its due date says how many working days late it is', async () => {
    const world = await unitBureau(DECIDED);
    const { publicationId, dueBy } = await decided(world);
    expect(dueBy).toBe('2026-10-14');
    // Friday 16 October: 15 and 16 October are the working days after the due date.
    world.clock.set(at('2026-10-16'));
    expect((await sweepPublications(world.ports)).published).toEqual([publicationId]);
    expect(await publicationOf(world, publicationId)).toMatchObject({
      status: 'published',
      late: true,
      lateByWorkingDays: 2,
    });
  });

  it('[PUB-11] [LAW-1] a revoked decision’s publication is withdrawn with its reason, within 3 working days of the revocation', async () => {
    const world = await unitBureau(DECIDED);
    const { ports } = world;
    const { caseId, publicationId, dueBy } = await decided(world);
    world.clock.set(at(dueBy));
    await sweepPublications(ports);
    tick(world);
    const today = legalDateOf(ports.now());
    const revocation = {
      kind: 'revoked' as const,
      reason: `经行政复议，认定对${PARTY.name}（电话${PARTY.phone}）的处罚决定事实不清，予以撤销。`,
      authority: '昌宁县人民政府',
      documentNo: '昌政复决〔2026〕3号',
    };
    // Not in the future, and not before the decision.
    for (const effectiveOn of ['2026-12-31', '2026-09-28']) {
      const refused = await revokeDecision(ports, cast.handler, caseId, { ...revocation, effectiveOn }).catch(
        (error: unknown) => error,
      );
      expect(refused, effectiveOn).toBeInstanceOf(ValidationFailed);
      expect((refused as ValidationFailed).details.map((detail) => detail.path)).toEqual(['effectiveOn']);
    }
    const answer = await revokeDecision(ports, cast.handler, caseId, { ...revocation, effectiveOn: today });
    const { dueBy: withdrawBy } = await deadline(ports, today, 3);
    expect(answer.publication).toMatchObject({
      id: publicationId,
      status: 'withdrawn',
      withdrawBy,
      late: false,
    });
    expect(await publicationOf(world, publicationId)).toMatchObject({
      status: 'withdrawn',
      withdrawal: { kind: 'revoked', effectiveOn: today, withdrawBy },
    });
    // Off the public list; its page answers with the reason, which shows no name or phone (LAW-5).
    expect((await ports.publications.publicRecords(AGENCY, 10)).items).toEqual([]);
    const page = await ports.publications.getPublicRecord(publicationId);
    expect(page).toMatchObject({ status: 'withdrawn', reason: expect.stringMatching(/^决定已撤销：/) });
    expect(String(page?.reason)).not.toContain(PARTY.name);
    expect(String(page?.reason)).not.toContain(PARTY.phone);
    expect(world.events.at(-1)).toMatchObject({
      detailType: PublicationWithdrawn.detailType,
      detail: { publicationId, kind: 'revoked', withdrawBy },
    });
    expect((await caseJournal(ports, cast.handler, caseId)).at(-1)).toMatchObject({
      type: 'decision.revoked',
      data: { wasPublic: true, withdrawBy, late: false },
    });
    await expect(
      revokeDecision(ports, cast.handler, caseId, { ...revocation, effectiveOn: today }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // A revoked (not changed) decision is not made again.
    await expect(
      transitionCase(ports, cast.handler, caseId, { to: 'pending-decision' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('[LAW-1] the 3 working days count from the day the revocation took effect, across the holiday', async () => {
    const world = await unitBureau(DECIDED);
    const { caseId, publicationId } = await decided(world);
    // Revoked with effect from 30 September, recorded on Monday 12 October: 3 working days after
    // 30 September are 8, 9 and 10 October (an adjusted Saturday), so the withdrawal is late.
    world.clock.set(at('2026-10-12'));
    const answer = await revokeDecision(world.ports, cast.handler, caseId, {
      kind: 'confirmed-illegal',
      reason: '经行政诉讼，人民法院判决确认该处罚决定违法。',
      effectiveOn: '2026-09-30',
    });
    expect(answer.publication).toMatchObject({ withdrawBy: '2026-10-10', late: true });
    expect((await deadline(world.ports, '2026-09-30', 3)).dueBy).toBe('2026-10-10');
    // It was never public: the sweep does not publish it afterwards.
    expect((await sweepPublications(world.ports)).published).toEqual([]);
    expect((await publicationOf(world, publicationId)).status).toBe('withdrawn');
  });

  it('[LAW-5] ID numbers, phones, addresses and the full name of a person never reach the public record', async () => {
    const world = await unitBureau(DECIDED);
    const summary =
      `当事人${PARTY.name}（身份证号码${PARTY.idNumber}，联系电话138-8888-6666，手机＋86 ${PARTY.phone}，` +
      `住${PARTY.address}）未按规定公示收费标准，处罚款五千元。`;
    const { publicationId, dueBy } = await decided(world, { av: false }, { ...SMALL_FINE, summary });
    const preview = await previewPublication(world.ports, cast.handler, publicationId);
    const removed = preview.flags.filter((flag) => flag.action === 'removed').map((flag) => flag.kind);
    expect(removed.length).toBeGreaterThanOrEqual(3);
    world.clock.set(at(dueBy));
    await sweepPublications(world.ports);
    const record = await world.ports.publications.getPublicRecord(publicationId);
    expect(record?.conclusion).toMatch(/未按规定公示收费标准，处罚款五千元。$/);
    const shown = JSON.stringify(record);
    const digits = shown.replace(/\D/g, '');
    for (const secret of [PARTY.idNumber, PARTY.phone, PARTY.address, PARTY.name])
      expect(shown, secret).not.toContain(secret);
    expect(digits).not.toContain(PARTY.phone);
    expect(digits).not.toContain(PARTY.idNumber.slice(0, 17));
    // The party is named, masked: the surname only.
    expect(record).toMatchObject({ party: { kind: 'person', name: expect.stringMatching(/^杨\*+$/) } });
  });

  it('[LAW-5] [PUB-12] nothing is published of a minor; an exemption recorded by hand holds against the due date', async () => {
    const world = await unitBureau(DECIDED);
    const minor = await decided(world, { party: { ...PARTY, minor: true } });
    expect((await publicationOf(world, minor.publicationId)).status).toBe('exempt');
    const other = await decided(world, { party: ORGANISATION });
    await expect(
      exemptPublication(world.ports, cast.admin, other.publicationId, { reason: '涉及商业秘密' }),
    ).resolves.toMatchObject({ status: 'exempt', exemption: { by: cast.admin.sub } });
    world.clock.set(at(other.dueBy));
    expect((await sweepPublications(world.ports)).published).toEqual([]);
    expect(await world.ports.publications.getPublicRecord(minor.publicationId)).toBeUndefined();
    expect(await world.ports.publications.getPublicRecord(other.publicationId)).toBeUndefined();
    await expect(
      exemptPublication(world.ports, cast.admin, other.publicationId, { reason: '再次豁免' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('[LAW-6] a publication leaves the public list when its period ends, and stays readable as expired', async () => {
    const world = await unitBureau(DECIDED);
    const { publicationId } = await decided(world, { party: ORGANISATION });
    expect((await sweepPublications(world.ports)).published).toEqual([publicationId]);
    const { expiresOn = '', periodMonths } = await publicationOf(world, publicationId);
    expect(periodMonths).toBe(3);
    expect(expiresOn).toBe(addCalendarMonths(legalDateOf(world.clock.now()), 3));
    world.clock.set(at(expiresOn));
    expect((await sweepPublications(world.ports)).expired).toEqual([]);
    world.clock.set(`${expiresOn}T16:30:00.000Z`);
    expect((await sweepPublications(world.ports)).expired).toEqual([publicationId]);
    expect((await publicationOf(world, publicationId)).status).toBe('expired');
    expect((await world.ports.publications.publicRecords(AGENCY, 10)).items).toEqual([]);
    expect(await world.ports.publications.getPublicRecord(publicationId)).toMatchObject({
      status: 'expired',
    });
  });
});
