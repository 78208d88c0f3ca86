import { legalDateOf } from '#shared/kernel/dates.ts';
import { Conflict, Forbidden, NotFound } from '#shared/kernel/errors.ts';
import { overseenAgency, type Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { StatisticsRepository } from '#shared/kernel/store/statistics-repository.ts';
import type { TrainingRepository } from '#shared/organisation/store/training-repository.ts';
import {
  type AnnualReport,
  annualDataOf,
  publishOn,
  unpublishedStatus,
} from '#shared/publicity/domain/annual-report.ts';
import type { AnnualReportRepository } from '#shared/publicity/store/annual-report-repository.ts';
import type { PublicationPorts } from '#shared/publicity/use-cases/publication-access.ts';
import { statisticsOf } from '#shared/supervision/domain/period-statistics.ts';
import type { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import type { MatterRepository } from '#shared/supervision/store/matter-repository.ts';

/** What the statistics read: the day counters, and the officers' trainings (ORG-3). */
export interface StatisticsPorts {
  statistics: Port<StatisticsRepository>;
  trainings: Port<TrainingRepository>;
}

/** The agency an oversight request reads (ORG-4), or 403. */
export function overseen(principal: Principal, requested: string | undefined): string {
  const agencyId = overseenAgency(principal, requested);
  if (!agencyId) throw new Forbidden('只能查看本机关或本监督机关所监督机关的数据');
  return agencyId;
}

/**
 * What is late in an agency (PUB-12, REV-5, SUP-1, SUP-3, ORG-4): publications past their due
 * date and not published, reviews past their due date without an opinion, complaints past their
 * answer term, supervision opinions past their rectification deadline without a report. A
 * supervisor reading another agency passes its `body`: it sees its own body's opinions only.
 */
export async function overdueItems(
  ports: AnnualReportPorts & {
    complaints: Pick<Port<ComplaintRepository>, 'unansweredBefore'>;
    matters: Pick<Port<MatterRepository>, 'openRectificationsBefore'>;
  },
  agencyId: string,
  unit?: { unitId: string | undefined },
  body?: string,
) {
  const today = legalDateOf(ports.now());
  const lastYear = Number(today.slice(0, 4)) - 1;
  const [publications, reviews, reports, complaints, rectifications] = await Promise.all([
    ports.publications.open(agencyId),
    ports.reviews.open(agencyId),
    ports.annualReports.versions(agencyId, lastYear),
    ports.complaints.unansweredBefore(agencyId, today),
    ports.matters.openRectificationsBefore(agencyId, today),
  ]);
  // A unit head sees their unit's late items; the agency-wide roles and supervisors all of them.
  const inUnit = (item: { unitId?: string | undefined }) => !unit || item.unitId === unit.unitId;
  return {
    agencyId,
    today,
    /** Last year's annual report: overdue when unpublished on 1 February (LAW-7). */
    annualReport: {
      year: lastYear,
      status: reports.length > 0 ? ('published' as const) : unpublishedStatus(lastYear, today),
    },
    publications: publications
      .filter(inUnit)
      .filter(
        (publication) =>
          publication.status === 'overdue' ||
          (['scheduled', 'deadline-unconfirmed'].includes(publication.status) &&
            publication.dueBy !== null &&
            publication.dueBy < today),
      )
      .map(({ id, caseId, category, status, decidedOn, dueBy, lastFailure }) => ({
        id,
        caseId,
        category,
        status,
        decidedOn,
        dueBy,
        ...(lastFailure ? { lastFailure } : {}),
      })),
    reviews: reviews
      .filter(inUnit)
      .filter(
        (review) =>
          review.status === 'pending' && (review.overdue || (review.dueBy !== null && review.dueBy < today)),
      )
      .map(({ id, caseId, status, round, dueBy }) => ({ id, caseId, status, round, dueBy })),
    /** Complaints unanswered past their last day (SUP-1), from the open-work index: they reach the supervisor. */
    complaints: complaints.map(({ complaintId, about, aboutName, receivedAt, answerBy }) => ({
      complaintId,
      about,
      aboutName,
      receivedAt,
      answerBy,
    })),
    /**
     * Supervision opinions whose rectification was not reported (or was returned) by their
     * deadline (SUP-3), from the open-work index: flagged for both sides, and counted.
     */
    rectifications: rectifications
      .filter((item) => body === undefined || item.supervisorAgencyId === body)
      .map(({ opinionId, matterId, number, rectifyBy }) => ({ opinionId, matterId, number, rectifyBy })),
  };
}

/**
 * Statistics over the records (REC-9, ORG-1) for case-file review, supervision and evaluation:
 * cases registered, decisions' publication timeliness, reviews asked for, AV coverage of the
 * activities held, between `from` and `to` (Asia/Shanghai dates, inclusive). Read from the day
 * counters that every commit keeps (`shared/kernel/statistics.ts`): the cost is the days of the
 * period, not the agency's history.
 */
export async function statistics(ports: StatisticsPorts, agencyId: string, from: string, to: string) {
  const [totals, trainings] = await Promise.all([
    ports.statistics.between(agencyId, from, to),
    ports.trainings.between(agencyId, from, to),
  ]);
  return {
    agencyId,
    from,
    to,
    ...statisticsOf(totals),
    training: {
      sessions: trainings.length,
      hours: trainings.reduce((sum, training) => sum + training.hours, 0),
      officersTrained: new Set(trainings.map((training) => training.certificateNo)).size,
      keyStaffSessions: trainings.filter((training) => training.keyStaff === true).length,
    },
  };
}

/** What the annual reports need: the records, and where published reports are kept. */
export interface AnnualReportPorts extends PublicationPorts {
  statistics: Port<StatisticsRepository>;
  annualReports: Port<AnnualReportRepository>;
}

/** The year's enforcement data (LAW-7, ORG-1), from the year's day counters. */
async function annualData(ports: AnnualReportPorts, agencyId: string, year: number) {
  return annualDataOf(await ports.statistics.between(agencyId, `${year}-01-01`, `${year}-12-31`));
}

/**
 * An agency's annual report for a year (LAW-7): the latest published version (or the one asked
 * for), fixed since publication; before publication, the live data as a `draft`, and from
 * 1 February of the next year as `overdue`.
 */
export async function annualReportView(
  ports: AnnualReportPorts,
  agencyId: string,
  year: number,
  version?: number,
) {
  const versions = await ports.annualReports.versions(agencyId, year);
  const versionList = versions.map((item) => ({
    version: item.version,
    publishedAt: item.publishedAt,
    ...(item.correction ? { correction: item.correction } : {}),
  }));
  if (version !== undefined) {
    const found = versions.find((item) => item.version === version);
    if (!found) throw new NotFound('该版本的年度报告不存在', [{ path: 'version', message: String(version) }]);
    return { ...found, versions: versionList };
  }
  const latest = versions.at(-1);
  if (latest) return { ...latest, versions: versionList };
  const profile = await ports.agencies.get(agencyId);
  const today = legalDateOf(ports.now());
  return {
    agencyId,
    agencyName: profile?.name ?? agencyId,
    year,
    version: null,
    status: unpublishedStatus(year, today),
    publishedAt: null,
    ...(await annualData(ports, agencyId, year)),
    generatedAt: ports.now().toISOString(),
    versions: versionList,
  };
}

/**
 * Publishes an agency's report for a year, fixed from now on (LAW-7). Without a correction it is
 * the first version and publishing again changes nothing; with one, a new version.
 */
export async function publishAnnualReport(
  ports: AnnualReportPorts,
  principal: Principal,
  agencyId: string,
  year: number,
  correction?: string,
): Promise<AnnualReport> {
  const versions = await ports.annualReports.versions(agencyId, year);
  const latest = versions.at(-1);
  if (latest && correction === undefined) return latest;
  const profile = await ports.agencies.get(agencyId);
  const report: AnnualReport = {
    agencyId,
    agencyName: profile?.name ?? agencyId,
    year,
    version: (latest?.version ?? 0) + 1,
    status: 'published',
    ...(await annualData(ports, agencyId, year)),
    publishedAt: ports.now().toISOString(),
    publishedBy: principal.sub,
    ...(correction ? { correction } : {}),
  };
  await ports.annualReports.add(report);
  return report;
}

/**
 * The `annual-report` job: from 2 January, the previous year of every agency is published once:
 * of every agency with a profile (0 where none) and of every agency with data that year, profile
 * or not (the statistics' year marks, one keyed read).
 */
export async function publishAnnualReports(ports: AnnualReportPorts) {
  const today = legalDateOf(ports.now());
  const year = Number(today.slice(0, 4)) - 1;
  if (today < publishOn(year)) return { year, published: [] };
  const published: string[] = [];
  const [profiled, withData] = await Promise.all([
    ports.agencies.ids(),
    ports.statistics.agenciesWithData(year),
  ]);
  for (const agencyId of new Set([...profiled, ...withData])) {
    if ((await ports.annualReports.versions(agencyId, year)).length > 0) continue;
    const system: Principal = { sub: 'system:annual-report', name: '年度报告', agencyId, roles: [] };
    try {
      await publishAnnualReport(ports, system, agencyId, year);
      published.push(agencyId);
    } catch (error) {
      // Another run published it first: nothing to do.
      if (!(error instanceof Conflict)) throw error;
    }
  }
  return { year, published };
}
