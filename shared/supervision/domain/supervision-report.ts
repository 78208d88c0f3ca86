import { legalDateOf } from '#shared/kernel/dates.ts';
import type { Complaint } from '#shared/supervision/domain/complaint.ts';
import { type Evaluation, rankingOf } from '#shared/supervision/domain/evaluation.ts';
import type { SupervisionMatter } from '#shared/supervision/domain/matter.ts';
import {
  MATTER_SOURCES,
  type MatterSource,
  matterSourceLabels,
  OPINION_KINDS,
  type OpinionKind,
} from '#shared/supervision/domain/matter-labels.ts';

/**
 * The yearly supervision report (SUP-6): what one supervisory body did in a year, read from its
 * counters (one item per supervised agency and year, added to in the same transaction as each
 * change), the body's evaluations of the year and its open-work index at publication; nothing
 * that grows with the body's history, and nothing personal.
 */

/**
 * The counters of one body's year about one supervised agency, by dotted name (`opened.complaint`,
 * `rectifications.reportedLate`): the store reads back the attributes with a dot.
 */
export type SupervisionCounts = Record<string, number>;

/** What one change adds to one body's counters of one agency and year. */
export interface SupervisionCount {
  bodyId: string;
  agencyId: string;
  year: number;
  counts: SupervisionCounts;
}

const yearOf = (instant: string) => Number(legalDateOf(new Date(instant)).slice(0, 4));

/** Adds `name` at `instant` to `into`, grouping by year (a change is one step, so one year in practice). */
function add(into: Map<number, SupervisionCounts>, instant: string, name: string) {
  const year = yearOf(instant);
  const counts = into.get(year) ?? {};
  counts[name] = (counts[name] ?? 0) + 1;
  into.set(year, counts);
}

const asCounts = (bodyId: string, agencyId: string, byYear: Map<number, SupervisionCounts>) =>
  [...byYear].map(([year, counts]): SupervisionCount => ({ bodyId, agencyId, year, counts }));

/**
 * What a matter's change adds to its body's counters, from the matter before and after it (none
 * before: opened), so every path that writes a matter counts alike: opened and closed by source,
 * opinions issued by kind, rectifications reported on time or late, accepted and returned.
 */
export function matterCounts(
  before: SupervisionMatter | undefined,
  after: SupervisionMatter,
): SupervisionCount[] {
  const byYear = new Map<number, SupervisionCounts>();
  if (!before) add(byYear, after.openedAt, `opened.${after.source}`);
  if (after.status === 'closed' && before?.status !== 'closed' && after.closedAt)
    add(byYear, after.closedAt, `closed.${after.source}`);
  for (const opinion of after.opinions) {
    const previous = before?.opinions.find((candidate) => candidate.opinionId === opinion.opinionId);
    if (!previous) add(byYear, opinion.issuedAt, `issued.${opinion.kind}`);
    for (const rectification of opinion.rectifications.slice(previous?.rectifications.length ?? 0))
      add(
        byYear,
        rectification.reportedAt,
        legalDateOf(new Date(rectification.reportedAt)) > opinion.rectifyBy
          ? 'rectifications.reportedLate'
          : 'rectifications.reportedOnTime',
      );
    for (const acceptance of opinion.acceptances.slice(previous?.acceptances.length ?? 0))
      add(byYear, acceptance.at, acceptance.accepted ? 'rectifications.accepted' : 'rectifications.returned');
  }
  return asCounts(after.supervisorAgencyId, after.agencyId, byYear);
}

/**
 * What a complaint's change adds to the counters of each body supervising its agency (the
 * profile's `supervisedBy`): received, and answered within its term or after it.
 */
export function complaintCounts(
  before: Complaint | undefined,
  after: Complaint,
  supervisedBy: readonly string[],
): SupervisionCount[] {
  const byYear = new Map<number, SupervisionCounts>();
  if (!before) add(byYear, after.receivedAt, 'complaints.received');
  if (after.answer && !before?.answer)
    add(
      byYear,
      after.answer.answeredAt,
      legalDateOf(new Date(after.answer.answeredAt)) > after.answerBy
        ? 'complaints.answeredLate'
        : 'complaints.answeredOnTime',
    );
  return supervisedBy.flatMap((bodyId) => asCounts(bodyId, after.agencyId, byYear));
}

/** A new evaluation counts as drawn in its year, for its body: the job then knows the body had a year. */
export const evaluationCount = (evaluation: Evaluation): SupervisionCount => ({
  bodyId: evaluation.evaluatorAgencyId,
  agencyId: evaluation.agencyId,
  year: evaluation.year,
  counts: { 'evaluations.drawn': 1 },
});

/** An opinion of the body still waiting for its rectification report past its deadline. */
export interface OverdueRectification {
  agencyId: string;
  number: string;
  rectifyBy: string;
}

type BySource = Record<MatterSource, number>;

/** One supervised agency's row of the report. */
export interface SupervisionReportAgency {
  agencyId: string;
  agencyName: string;
  mattersOpened: number;
  mattersClosed: number;
  opinionsIssued: number;
  rectificationsReported: number;
  rectificationsOverdue: number;
  complaintsReceived: number;
  complaintsAnsweredOnTime: number;
  complaintsAnsweredLate: number;
  evaluationsDrawn: number;
}

/** The figures of a body's year (SUP-6): only counts, agencies' names and document numbers. */
export interface SupervisionReportFigures {
  bodyId: string;
  bodyName: string;
  year: number;
  matters: { opened: number; closed: number; openedBySource: BySource; closedBySource: BySource };
  opinions: Record<OpinionKind, number> & { total: number };
  rectifications: {
    reportedOnTime: number;
    reportedLate: number;
    accepted: number;
    returned: number;
    /** The body's opinions waiting for a report past their deadline when the report was made. */
    overdue: number;
    overdueDocuments: OverdueRectification[];
  };
  complaints: { received: number; answeredOnTime: number; answeredLate: number };
  evaluations: {
    evaluations: number;
    filesDrawn: number;
    filesScored: number;
    filesFailed: number;
    ranking: {
      rank: number;
      agencyId: string;
      agencyName: string;
      average: number;
      scored: number;
      failed: number;
    }[];
  };
  agencies: SupervisionReportAgency[];
}

export interface SupervisionReport extends SupervisionReportFigures {
  status: 'published';
  publishedAt: string;
}

/** The day the job publishes a year's report, as the agencies' annual reports (LAW-7). */
export const supervisionReportPublishOn = (year: number) => `${year + 1}-01-02`;

const bySource = (counts: SupervisionCounts, step: 'opened' | 'closed') =>
  Object.fromEntries(MATTER_SOURCES.map((source) => [source, counts[`${step}.${source}`] ?? 0])) as BySource;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The report's figures from the body's counters of the year (per agency), its evaluations of the
 * year and its overdue rectifications: the whole report is these sums, nothing read per record.
 */
export function supervisionReportFigures(input: {
  bodyId: string;
  bodyName: string;
  year: number;
  counters: readonly { agencyId: string; counts: SupervisionCounts }[];
  evaluations: readonly Evaluation[];
  overdue: readonly OverdueRectification[];
  agencyNames: ReadonlyMap<string, string>;
}): SupervisionReportFigures {
  const { counters, evaluations, overdue } = input;
  const all: SupervisionCounts = {};
  for (const { counts } of counters)
    for (const [name, value] of Object.entries(counts)) all[name] = (all[name] ?? 0) + value;
  const count = (name: string, counts: SupervisionCounts = all) => counts[name] ?? 0;
  const openedBySource = bySource(all, 'opened');
  const closedBySource = bySource(all, 'closed');
  const agencyIds = [
    ...new Set([...counters.map((row) => row.agencyId), ...overdue.map((row) => row.agencyId)]),
  ];
  const nameOf = (agencyId: string) => input.agencyNames.get(agencyId) ?? agencyId;
  const agencies = agencyIds
    .map((agencyId): SupervisionReportAgency => {
      const counts = counters.find((row) => row.agencyId === agencyId)?.counts ?? {};
      return {
        agencyId,
        agencyName: nameOf(agencyId),
        mattersOpened: sum(MATTER_SOURCES.map((source) => count(`opened.${source}`, counts))),
        mattersClosed: sum(MATTER_SOURCES.map((source) => count(`closed.${source}`, counts))),
        opinionsIssued: sum(OPINION_KINDS.map((kind) => count(`issued.${kind}`, counts))),
        rectificationsReported:
          count('rectifications.reportedOnTime', counts) + count('rectifications.reportedLate', counts),
        rectificationsOverdue: overdue.filter((row) => row.agencyId === agencyId).length,
        complaintsReceived: count('complaints.received', counts),
        complaintsAnsweredOnTime: count('complaints.answeredOnTime', counts),
        complaintsAnsweredLate: count('complaints.answeredLate', counts),
        evaluationsDrawn: count('evaluations.drawn', counts),
      };
    })
    .sort((a, b) => (a.agencyId < b.agencyId ? -1 : 1));
  return {
    bodyId: input.bodyId,
    bodyName: input.bodyName,
    year: input.year,
    matters: {
      opened: sum(Object.values(openedBySource)),
      closed: sum(Object.values(closedBySource)),
      openedBySource,
      closedBySource,
    },
    opinions: {
      opinion: count('issued.opinion'),
      recommendation: count('issued.recommendation'),
      total: sum(OPINION_KINDS.map((kind) => count(`issued.${kind}`))),
    },
    rectifications: {
      reportedOnTime: count('rectifications.reportedOnTime'),
      reportedLate: count('rectifications.reportedLate'),
      accepted: count('rectifications.accepted'),
      returned: count('rectifications.returned'),
      overdue: overdue.length,
      overdueDocuments: overdue.map(({ agencyId, number, rectifyBy }) => ({ agencyId, number, rectifyBy })),
    },
    complaints: {
      received: count('complaints.received'),
      answeredOnTime: count('complaints.answeredOnTime'),
      answeredLate: count('complaints.answeredLate'),
    },
    evaluations: {
      evaluations: evaluations.length,
      filesDrawn: sum(evaluations.map((evaluation) => evaluation.sampleSize)),
      filesScored: sum(evaluations.map((evaluation) => evaluation.scored)),
      filesFailed: sum(evaluations.map((evaluation) => evaluation.failed)),
      ranking: rankingOf(evaluations).map(({ rank, agencyId, agencyName, average, scored, failed }) => ({
        rank,
        agencyId,
        agencyName,
        average,
        scored,
        failed,
      })),
    },
    agencies,
  };
}

/** The report's figures as people read them, one line each: what the page's table and the PDF print. */
export function supervisionReportLines(report: SupervisionReportFigures): [label: string, value: number][] {
  const { matters, opinions, rectifications, complaints, evaluations } = report;
  return [
    ['立监督事项（件）', matters.opened],
    ...MATTER_SOURCES.map((source): [string, number] => [
      `　其中来源于${matterSourceLabels[source]}`,
      matters.openedBySource[source],
    ]),
    ['办结监督事项（件）', matters.closed],
    ['制发行政执法监督意见书（份）', opinions.opinion],
    ['制发行政执法监督建议书（份）', opinions.recommendation],
    ['按期提交整改报告（次）', rectifications.reportedOnTime],
    ['逾期提交整改报告（次）', rectifications.reportedLate],
    ['整改通过验收（次）', rectifications.accepted],
    ['整改退回重新整改（次）', rectifications.returned],
    ['发布时逾期未整改（份）', rectifications.overdue],
    ['收到投诉举报（件）', complaints.received],
    ['按期答复投诉（件）', complaints.answeredOnTime],
    ['逾期答复投诉（件）', complaints.answeredLate],
    ['组织案卷评查（次）', evaluations.evaluations],
    ['抽取案卷（卷）', evaluations.filesDrawn],
    ['已评分案卷（卷）', evaluations.filesScored],
    ['不合格案卷（卷）', evaluations.filesFailed],
  ];
}

/** The sources' names short enough for a chart's label column (six characters at most). */
const chartLabels: Record<MatterSource, string> = {
  ...matterSourceLabels,
  hotline: '12345热线',
  'own-finding': '自行发现',
};

/** The matters opened by source, as the chart of the page and the PDF draws them. */
export const supervisionReportBars = (report: SupervisionReportFigures) =>
  MATTER_SOURCES.map((source) => ({
    label: chartLabels[source],
    value: report.matters.openedBySource[source],
  }));
