import type { InspectionRepository } from '#shared/inspections/store/inspection-repository.ts';
import { addCalendarDays, legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { type Alert, alertOf } from '#shared/supervision/domain/alert.ts';
import type { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import type { MatterRepository } from '#shared/supervision/store/matter-repository.ts';
import { type AnnualReportPorts, overdueItems } from '#shared/supervision/use-cases/oversight.ts';

export interface AlertPorts extends AnnualReportPorts {
  complaints: Pick<Port<ComplaintRepository>, 'unansweredBefore'>;
  matters: Pick<Port<MatterRepository>, 'openRectificationsBefore'>;
  inspections: Pick<Port<InspectionRepository>, 'alerts'>;
}

/** The first day after a last day: when something unanswered became late. */
const dayAfter = (lastDay: string) => addCalendarDays(lastDay, 1);

/**
 * The live alerts of an agency for its supervisory body (SUP-5), from the open-work indexes and
 * the counters, never a scan of history: the overdue list's late publications, overdue reviews,
 * unanswered complaints, the body's own opinions not rectified in time (SUP-3) and last year's
 * annual report (the same items, `overdueItems`), and the
 * enterprises this year's inspections counted repeatedly or past the yearly limit (INS-3). The
 * oldest first. Only a supervisor of another body whose token names the agency reads them.
 */
export async function liveAlerts(ports: AlertPorts, principal: Principal, agencyId: string) {
  // An agency is not its own supervisory body, whatever its token names.
  if (
    principal.agencyId === agencyId ||
    !principal.roles.includes('supervisor') ||
    !principal.supervises?.includes(agencyId)
  )
    throw new Forbidden('只能查看本机关所监督机关的预警');
  const today = legalDateOf(ports.now());
  const year = Number(today.slice(0, 4));
  const [overdue, inspections] = await Promise.all([
    overdueItems(ports, agencyId, undefined, principal.agencyId),
    ports.inspections.alerts(agencyId, year),
  ]);
  const alerts: Alert[] = [
    ...overdue.publications.map((publication) =>
      alertOf(
        'publication-late',
        { kind: 'publication', id: publication.id, caseId: publication.caseId },
        publication.dueBy ? dayAfter(publication.dueBy) : publication.decidedOn,
      ),
    ),
    ...overdue.reviews.map((review) =>
      alertOf(
        'review-overdue',
        { kind: 'review', id: review.id, caseId: review.caseId },
        review.dueBy ? dayAfter(review.dueBy) : today,
      ),
    ),
    ...overdue.complaints.map((complaint) =>
      alertOf(
        'complaint-overdue',
        { kind: 'complaint', id: complaint.complaintId, name: complaint.aboutName },
        dayAfter(complaint.answerBy),
      ),
    ),
    ...overdue.rectifications.map((rectification) =>
      alertOf(
        'rectification-overdue',
        { kind: 'opinion', id: rectification.opinionId, name: rectification.number },
        dayAfter(rectification.rectifyBy),
      ),
    ),
    ...(overdue.annualReport.status === 'overdue'
      ? [
          alertOf(
            'annual-report-overdue',
            {
              kind: 'annual-report',
              id: String(overdue.annualReport.year),
              name: `${overdue.annualReport.year}年度`,
            },
            `${overdue.annualReport.year + 1}-02-01`,
          ),
        ]
      : []),
    ...inspections.map((counter) =>
      alertOf(
        counter.exceptions > 0 ? 'inspection-beyond-limit' : 'inspection-repeated',
        { kind: 'inspection', id: counter.lastInspectionId, name: counter.enterpriseName },
        legalDateOf(new Date(counter.since)),
      ),
    ),
  ].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  return { agencyId, today, items: alerts };
}
