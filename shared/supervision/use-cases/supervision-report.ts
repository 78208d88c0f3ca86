import { legalDateOf } from '#shared/kernel/dates.ts';
import { Conflict, NotFound } from '#shared/kernel/errors.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import {
  type SupervisionReport,
  supervisionReportFigures,
  supervisionReportPublishOn,
} from '#shared/supervision/domain/supervision-report.ts';
import type { EvaluationRepository } from '#shared/supervision/store/evaluation-repository.ts';
import type { MatterRepository } from '#shared/supervision/store/matter-repository.ts';
import type { SupervisionYearRepository } from '#shared/supervision/store/supervision-year-repository.ts';

export interface SupervisionReportPorts {
  supervisionYears: Port<SupervisionYearRepository>;
  matters: Pick<Port<MatterRepository>, 'openRectificationsOfBodyBefore'>;
  evaluations: Pick<Port<EvaluationRepository>, 'ofYear'>;
  agencies: Pick<Port<AgencyRepository>, 'get'>;
  now: () => Date;
}

/**
 * A body's yearly supervision report as of now (SUP-6): its counters of the year (one item per
 * agency supervised), its evaluations of the year (gsi1, bounded by the year) and its opinions
 * overdue today (its open-work index), and the names of the agencies they concern.
 */
export async function supervisionReportOf(ports: SupervisionReportPorts, bodyId: string, year: number) {
  const [body, counters, evaluations, overdue] = await Promise.all([
    ports.agencies.get(bodyId),
    ports.supervisionYears.counters(bodyId, year),
    ports.evaluations.ofYear(bodyId, year),
    ports.matters.openRectificationsOfBodyBefore(bodyId, legalDateOf(ports.now())),
  ]);
  const agencyIds = [
    ...new Set([...counters.map((row) => row.agencyId), ...overdue.map((row) => row.agencyId)]),
  ];
  const profiles = await Promise.all(agencyIds.map((agencyId) => ports.agencies.get(agencyId)));
  const agencyNames = new Map(
    profiles.flatMap((profile) => (profile ? [[profile.agencyId, profile.name] as const] : [])),
  );
  return supervisionReportFigures({
    bodyId,
    bodyName: body?.name ?? bodyId,
    year,
    counters,
    evaluations,
    overdue,
    agencyNames,
  });
}

/** A published report, readable by anyone (SUP-6); before publication, 404. */
export async function supervisionReportView(ports: SupervisionReportPorts, bodyId: string, year: number) {
  const report = await ports.supervisionYears.report(bodyId, year);
  if (!report)
    throw new NotFound(`该监督机关 ${year} 年度的监督报告尚未发布`, [
      { path: 'year', message: '该年度的监督报告尚未发布' },
    ]);
  return report;
}

/** Publishes a body's report of a year, fixed from then on; publishing again returns the one published. */
export async function publishSupervisionReport(
  ports: SupervisionReportPorts,
  bodyId: string,
  year: number,
): Promise<SupervisionReport> {
  const published = await ports.supervisionYears.report(bodyId, year);
  if (published) return published;
  const report: SupervisionReport = {
    ...(await supervisionReportOf(ports, bodyId, year)),
    status: 'published',
    publishedAt: ports.now().toISOString(),
  };
  try {
    await ports.supervisionYears.publish(report);
    return report;
  } catch (error) {
    // Another run published it first: that one stands.
    if (!(error instanceof Conflict)) throw error;
    return supervisionReportView(ports, bodyId, year);
  }
}

/**
 * The `supervision-report` job (SUP-6): from 2 January, the previous year of every body that
 * counted anything that year (a matter, an opinion, a complaint about an agency it supervises, a
 * draw) is published once; one keyed read of the year's marks finds them.
 */
export async function publishSupervisionReports(ports: SupervisionReportPorts) {
  const today = legalDateOf(ports.now());
  const year = Number(today.slice(0, 4)) - 1;
  if (today < supervisionReportPublishOn(year)) return { year, published: [] };
  const published: string[] = [];
  for (const bodyId of await ports.supervisionYears.bodiesWithData(year)) {
    if (await ports.supervisionYears.report(bodyId, year)) continue;
    await publishSupervisionReport(ports, bodyId, year);
    published.push(bodyId);
  }
  return { year, published };
}
