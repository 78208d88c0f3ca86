import { describe, expect, it } from 'vitest';
import { issueDecision } from '#shared/decisions/use-cases/issue-decision.ts';
import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { submitReview } from '#shared/legal-review/use-cases/submit-review.ts';
import type { TrainingInput } from '#shared/organisation/domain/training.ts';
import { recordTraining } from '#shared/organisation/use-cases/officers.ts';
import { ANNUAL_CATEGORIES } from '#shared/publicity/domain/annual-report.ts';
import { sweepPublications } from '#shared/publicity/use-cases/publication-sweep.ts';
import { readCase } from '#shared/recording/use-cases/case-access.ts';
import {
  annualReportView,
  overdueItems,
  overseen,
  publishAnnualReport,
  publishAnnualReports,
  statistics,
} from '#shared/supervision/use-cases/oversight.ts';
import {
  AGENCY,
  cast,
  MAJOR_FINE,
  OFFICERS,
  readyForDecision,
  refusal,
  SMALL_FINE,
  tick,
  UNIT,
  type UnitWorld,
  unitBureau,
} from '#test/helpers/unit-case.ts';

/** 10:00 in Beijing on a date. */
const at = (date: string) => `${date}T02:00:00.000Z`;

/** The county justice bureau's supervisor, who oversees the civil affairs bureau (ORG-4). */
const supervisor: Principal = {
  sub: 'supervisor-he',
  name: 'supervisor-he',
  agencyId: 'changning-sfj',
  roles: ['supervisor'],
  supervises: [AGENCY],
};

/** A penalty case walked to a decision of ¥5,000 (no review needed), and its publication. */
async function decidedCase(world: UnitWorld) {
  const { caseId } = await readyForDecision(world);
  tick(world);
  const issued = await issueDecision(world.ports, cast.handler, caseId, SMALL_FINE);
  const publication = await world.ports.publications.get(AGENCY, issued.publication.id);
  if (!publication) throw new Error(`publication ${issued.publication.id} not stored`);
  return { caseId, publication };
}

describe('oversight, without a database', () => {
  it('[ORG-4] a supervisor reads the agencies it supervises and nothing of the others; nobody else reads outside their own', async () => {
    expect(overseen(supervisor, undefined)).toBe(supervisor.agencyId);
    expect(overseen(supervisor, AGENCY)).toBe(AGENCY);
    expect(overseen(cast.admin, undefined)).toBe(AGENCY);
    expect(overseen(cast.admin, AGENCY)).toBe(AGENCY);
    const refusals = [
      () => overseen(supervisor, 'another-bureau'),
      () => overseen(cast.admin, supervisor.agencyId),
      // A list of supervised agencies without the supervisor role opens nothing.
      () => overseen({ ...cast.leader, supervises: ['another-bureau'] }, 'another-bureau'),
      () => overseen({ ...supervisor, roles: ['admin'] }, AGENCY),
    ];
    for (const refused of refusals) {
      expect(refused).toThrow(Forbidden);
      expect(() => refused()).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });

  it('[REC-9] [ORG-1] statistics of a period sum the day counters of its days only, both ends included', async () => {
    // Monday 2 March 2026: one case decided that day, another registered on Thursday 5 March.
    const world = await unitBureau(at('2026-03-02'));
    const first = await decidedCase(world);
    world.clock.set(at('2026-03-05'));
    const second = await readyForDecision(world);
    const { ports } = world;

    const firstDay = await statistics(ports, AGENCY, '2026-03-02', '2026-03-02');
    const decided = await readCase(ports, cast.handler, first.caseId);
    const activities = await ports.cases.activities(AGENCY, first.caseId);
    expect(firstDay).toMatchObject({
      agencyId: AGENCY,
      from: '2026-03-02',
      to: '2026-03-02',
      cases: { registered: 1, byCategory: { penalty: 1 }, byStatus: { [decided.status]: 1 } },
      publications: { decisions: 1, byStatus: { [first.publication.status]: 1 }, published: 0 },
      // Every activity of the walk was recorded with its AV archived.
      av: {
        activitiesNeedingAv: activities.length,
        covered: activities.length,
        coverageRate: 1,
        unregisteredDeviceEvidence: 0,
      },
    });
    // Nothing published yet: no rate rather than a rate of 0.
    expect(firstDay.publications.timelinessRate).toBeNull();

    const week = await statistics(ports, AGENCY, '2026-03-02', '2026-03-05');
    const pending = await readCase(ports, cast.handler, second.caseId);
    expect(week.cases).toEqual({
      registered: 2,
      byCategory: { penalty: 2 },
      byStatus:
        pending.status === decided.status
          ? { [decided.status]: 2 }
          : { [decided.status]: 1, [pending.status]: 1 },
    });
    expect((await statistics(ports, AGENCY, '2026-03-03', '2026-03-04')).cases.registered).toBe(0);
    const before = await statistics(ports, AGENCY, '2026-02-01', '2026-03-01');
    expect(before.cases).toEqual({ registered: 0, byCategory: {}, byStatus: {} });
    expect(before.av.coverageRate).toBeNull();
    // Another agency's counters are its own.
    expect((await statistics(ports, 'another-bureau', '2026-03-02', '2026-03-05')).cases.registered).toBe(0);
  });

  it('[ORG-3] [REC-9] the trainings of a period: sessions, hours, officers trained and key staff sessions', async () => {
    const world = await unitBureau(at('2026-03-02'));
    const trainings: { certificateNo: string; input: TrainingInput }[] = [
      {
        certificateNo: OFFICERS[0],
        input: { title: '行政处罚法', date: '2026-03-02', hours: 4, keyStaff: true },
      },
      { certificateNo: OFFICERS[1], input: { title: '行政处罚法', date: '2026-03-02', hours: 4 } },
      { certificateNo: OFFICERS[0], input: { title: '执法记录仪使用', date: '2026-03-31', hours: 1.5 } },
      // The day before and the day after the period.
      { certificateNo: OFFICERS[1], input: { title: '法制审核', date: '2026-03-01', hours: 2 } },
      {
        certificateNo: OFFICERS[1],
        input: { title: '法制审核', date: '2026-04-01', hours: 2, keyStaff: true },
      },
    ];
    for (const { certificateNo, input } of trainings)
      await recordTraining(world.ports, cast.admin, certificateNo, input);

    const [from, to] = ['2026-03-02', '2026-03-31'];
    const within = trainings.filter(({ input }) => input.date >= from && input.date <= to);
    const { training } = await statistics(world.ports, AGENCY, from, to);
    expect(training).toEqual({
      sessions: within.length,
      hours: within.reduce((sum, { input }) => sum + input.hours, 0),
      officersTrained: new Set(within.map(({ certificateNo }) => certificateNo)).size,
      keyStaffSessions: within.filter(({ input }) => input.keyStaff).length,
    });
    expect(training.sessions).toBe(3);
    // A supervisor reads the same numbers of the agency it oversees.
    expect((await statistics(world.ports, overseen(supervisor, AGENCY), from, to)).training).toEqual(
      training,
    );
  });

  it('[PUB-12] [REV-5] [ORG-4] the overdue list: publications and reviews past their due date, by unit, and last year’s report', async () => {
    const world = await unitBureau(at('2026-03-02'));
    const decided = await decidedCase(world);
    const { caseId: reviewedCaseId, documents } = await readyForDecision(world);
    const review = await submitReview(world.ports, cast.handler, reviewedCaseId, {
      proposal: MAJOR_FINE,
      materials: [documents['prior-notice']?.id ?? ''],
    });
    const publicationDue = decided.publication.dueBy ?? '';
    const reviewDue = review.dueBy ?? '';
    expect(publicationDue).not.toBe('');
    expect(reviewDue).not.toBe('');

    // On the later of the two due dates nothing is late yet, unless the other date has passed.
    const lastDue = [publicationDue, reviewDue].sort().at(-1) ?? '';
    world.clock.set(at(lastDue));
    const onTheDay = await overdueItems(world.ports, AGENCY);
    expect(onTheDay.publications.map((item) => item.id)).toEqual(
      publicationDue < lastDue ? [decided.publication.id] : [],
    );
    expect(onTheDay.reviews.map((item) => item.id)).toEqual(reviewDue < lastDue ? [review.id] : []);

    const dayAfter = addCalendarDays(lastDue, 1);
    world.clock.set(at(dayAfter));
    const late = await overdueItems(world.ports, AGENCY);
    expect(late).toEqual({
      agencyId: AGENCY,
      today: dayAfter,
      // 2025's report was never published, and 1 February 2026 has passed (LAW-7).
      annualReport: { year: 2025, status: 'overdue' },
      publications: [
        {
          id: decided.publication.id,
          caseId: decided.caseId,
          category: 'penalty',
          status: 'scheduled',
          decidedOn: decided.publication.decidedOn,
          dueBy: publicationDue,
        },
      ],
      reviews: [{ id: review.id, caseId: reviewedCaseId, status: 'pending', round: 1, dueBy: reviewDue }],
      complaints: [],
      rectifications: [],
    });
    // A unit head sees their own unit's late items; another unit's head none of them.
    expect(await overdueItems(world.ports, AGENCY, { unitId: UNIT })).toEqual(late);
    const otherUnit = await overdueItems(world.ports, AGENCY, { unitId: 'shzzg' });
    expect(otherUnit).toMatchObject({ publications: [], reviews: [] });
    // What the sweep publishes is no longer late.
    await sweepPublications(world.ports);
    expect((await overdueItems(world.ports, AGENCY)).publications).toEqual([]);
  });

  it('[LAW-7] [ORG-1] the annual report: a draft from the counters, published once by the job, then fixed; a correction is a new version', async () => {
    // Tuesday 29 December 2025: a ¥5,000 fine decided, due in January 2026.
    const world = await unitBureau(at('2025-12-29'));
    const { publication } = await decidedCase(world);
    const { ports } = world;
    const counted = async () => ports.statistics.between(AGENCY, '2025-01-01', '2025-12-31');
    const decisionsOf = (totals: Record<string, number>) =>
      Object.fromEntries(
        ANNUAL_CATEGORIES.map((category) => [category, totals[`decisions.byCategory.${category}`] ?? 0]),
      );

    // 1 January 2026: the job waits for 2 January; the report is a draft of the live data.
    world.clock.set(at('2026-01-01'));
    expect(await publishAnnualReports(ports)).toEqual({ year: 2025, published: [] });
    const draft = await annualReportView(ports, AGENCY, 2025);
    expect(draft).toMatchObject({
      agencyId: AGENCY,
      agencyName: (await ports.agencies.get(AGENCY))?.name,
      year: 2025,
      version: null,
      status: 'draft',
      publishedAt: null,
      data: decisionsOf(await counted()),
      publications: { published: 0, withdrawn: 0 },
      versions: [],
    });
    expect(draft.data.penalty).toBe(1);

    // 2 January: published once, by the job, with the data of the draft.
    world.clock.set(at('2026-01-02'));
    expect(await publishAnnualReports(ports)).toEqual({ year: 2025, published: [AGENCY] });
    expect(await publishAnnualReports(ports)).toEqual({ year: 2025, published: [] });
    const first = await annualReportView(ports, AGENCY, 2025);
    expect(first).toMatchObject({
      version: 1,
      status: 'published',
      data: draft.data,
      publications: draft.publications,
      publishedAt: world.clock.now().toISOString(),
      publishedBy: 'system:annual-report',
      versions: [{ version: 1, publishedAt: world.clock.now().toISOString() }],
    });
    expect((await overdueItems(ports, AGENCY)).annualReport).toEqual({ year: 2025, status: 'published' });
    // Publishing again without a correction changes nothing.
    expect(await publishAnnualReport(ports, cast.admin, AGENCY, 2025)).toMatchObject({
      version: 1,
      publishedBy: 'system:annual-report',
    });

    // The December decision is published on its due date: 2025's counters change, the report does not.
    world.clock.set(at(publication.dueBy ?? ''));
    expect((await sweepPublications(ports)).published).toEqual([publication.id]);
    expect((await counted())['publications.published']).toBe(1);
    expect((await annualReportView(ports, AGENCY, 2025)).publications).toEqual(draft.publications);

    const correction = '补记2025年12月作出、2026年1月公示的行政处罚决定';
    const corrected = await publishAnnualReport(ports, cast.admin, AGENCY, 2025, correction);
    expect(corrected).toMatchObject({
      version: 2,
      correction,
      publishedBy: cast.admin.sub,
      data: decisionsOf(await counted()),
      publications: { published: 1, withdrawn: 0 },
    });
    const latest = await annualReportView(ports, AGENCY, 2025);
    expect(latest).toMatchObject({ version: 2, correction });
    expect(latest.versions.map((item) => [item.version, item.correction])).toEqual([
      [1, undefined],
      [2, correction],
    ]);
    // Every version stays readable as published.
    expect(await annualReportView(ports, AGENCY, 2025, 1)).toMatchObject({
      version: 1,
      publications: draft.publications,
      versions: latest.versions,
    });
    const missing = await refusal(annualReportView(ports, AGENCY, 2025, 3));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.details.map((detail) => detail.path)).toEqual(['version']);
  });

  it('[LAW-7] an unpublished report is a draft until 31 January and overdue from 1 February', async () => {
    const world = await unitBureau(at('2026-01-31'));
    // An agency without a profile is named by its id.
    expect(await annualReportView(world.ports, 'another-bureau', 2025)).toMatchObject({
      agencyName: 'another-bureau',
      status: 'draft',
      version: null,
    });
    expect((await overdueItems(world.ports, AGENCY)).annualReport).toEqual({ year: 2025, status: 'draft' });
    // 1 February 2026, 00:30 in Beijing (still 31 January in UTC).
    world.clock.set('2026-01-31T16:30:00.000Z');
    expect(legalDateOf(world.clock.now())).toBe('2026-02-01');
    expect((await annualReportView(world.ports, AGENCY, 2025)).status).toBe('overdue');
    expect((await overdueItems(world.ports, AGENCY)).annualReport).toEqual({ year: 2025, status: 'overdue' });
  });

  it('[LAW-7] of two runs of the job, the one that loses the race to the same version publishes nothing and fails nothing', async () => {
    const world = await unitBureau(at('2026-01-02'));
    await publishAnnualReport(world.ports, cast.admin, AGENCY, 2025);
    // A run that read before the other run wrote: it sees no version yet.
    const stale = {
      ...world.ports,
      annualReports: {
        versions: async () => [],
        add: world.ports.annualReports.add.bind(world.ports.annualReports),
      },
    };
    expect(await publishAnnualReports(stale)).toEqual({ year: 2025, published: [] });
    expect(await world.ports.annualReports.versions(AGENCY, 2025)).toHaveLength(1);
  });
});
