import type { ChecklistPorts } from '#shared/checklists/use-cases/checklists.ts';
import type { RecomputePorts } from '#shared/decisions/use-cases/deadline-recompute.ts';
import type { DecisionPorts } from '#shared/decisions/use-cases/issue-decision.ts';
import type { InspectionPorts } from '#shared/inspections/use-cases/inspections.ts';
import type { DrawPorts } from '#shared/inspections/use-cases/random-draws.ts';
import type { OfficerPorts } from '#shared/organisation/use-cases/officers.ts';
import type { PublicationPorts } from '#shared/publicity/use-cases/publication-access.ts';
import type { EvidencePorts } from '#shared/recording/use-cases/evidence.ts';
import type { AlertPorts } from '#shared/supervision/use-cases/alerts.ts';
import type { ComplaintPorts } from '#shared/supervision/use-cases/complaints.ts';
import type { EvaluationPorts } from '#shared/supervision/use-cases/evaluations.ts';
import type { MatterPorts } from '#shared/supervision/use-cases/matter-access.ts';
import type { AnnualReportPorts, StatisticsPorts } from '#shared/supervision/use-cases/oversight.ts';
import type { SupervisionReportPorts } from '#shared/supervision/use-cases/supervision-report.ts';
import {
  InMemoryCases,
  InMemoryEvidence,
  InMemoryReviews,
  InMemoryStatistics,
} from '#test/fakes/in-memory-cases.ts';
import { InMemoryDevices, InMemoryEvidenceStorage } from '#test/fakes/in-memory-evidence-storage.ts';
import { InMemoryInspectionPlans, InMemoryInspections } from '#test/fakes/in-memory-inspections.ts';
import {
  InMemoryAnnualReports,
  InMemoryRecomputations,
  InMemoryTrainings,
} from '#test/fakes/in-memory-oversight.ts';
import {
  InMemoryAnchors,
  InMemoryChecklists,
  InMemoryPublications,
  InMemoryPush,
  InMemoryRandomDraws,
} from '#test/fakes/in-memory-publicity.ts';
import {
  eventLog,
  InMemoryAgencies,
  InMemoryCalendars,
  InMemoryOfficers,
  testClock,
} from '#test/fakes/in-memory-stores.ts';
import {
  InMemoryComplaints,
  InMemoryEvaluations,
  InMemoryMatters,
  InMemorySupervisionYears,
} from '#test/fakes/in-memory-supervision.ts';
import { platformStandIn } from '#test/fakes/platform-stand-in.ts';

/**
 * Every port the case, review, decision, publication, evidence, oversight, draw, inspection and recomputation use cases take, in memory: a world a unit
 * test builds in microseconds, with a clock it sets, the events published and the due dates
 * scheduled, to look at afterwards.
 */
export function inMemoryWorld(start = '2026-03-02T02:00:00.000Z') {
  const clock = testClock(start);
  const log = eventLog();
  const scheduled: { id: string; dueBy: string | null }[] = [];
  const statistics = new InMemoryStatistics();
  const cases = new InMemoryCases(statistics);
  const platform = platformStandIn();
  const reviews = new InMemoryReviews();
  const publications = new InMemoryPublications();
  const supervisionYears = new InMemorySupervisionYears();
  const ports = {
    cases,
    statistics,
    reviews,
    evidence: new InMemoryEvidence(),
    publications,
    trainings: new InMemoryTrainings(),
    annualReports: new InMemoryAnnualReports(),
    recomputations: new InMemoryRecomputations({ publications, reviews }),
    checklists: new InMemoryChecklists(),
    randomDraws: new InMemoryRandomDraws(),
    anchors: new InMemoryAnchors(cases),
    push: new InMemoryPush(),
    officers: new InMemoryOfficers(),
    agencies: new InMemoryAgencies(),
    complaints: new InMemoryComplaints(supervisionYears),
    matters: new InMemoryMatters(supervisionYears),
    evaluations: new InMemoryEvaluations(supervisionYears),
    supervisionYears,
    calendars: new InMemoryCalendars(),
    devices: new InMemoryDevices(),
    inspections: new InMemoryInspections(),
    inspectionPlans: new InMemoryInspectionPlans(),
    storage: new InMemoryEvidenceStorage(),
    /** As the deployed stores' default: ten years of Object Lock retention. */
    retentionDays: 3650,
    now: clock.now,
    /** One clock here: the business clock and the machine's are moved together. */
    systemNow: clock.now,
    publish: log.publish,
    scheduleDueDate: async (publication: { id: string; dueBy: string | null }) =>
      void scheduled.push({ id: publication.id, dueBy: publication.dueBy }),
    http: platform.http,
  } satisfies PublicationPorts &
    ComplaintPorts &
    MatterPorts &
    SupervisionReportPorts &
    EvaluationPorts &
    AlertPorts &
    DecisionPorts &
    ChecklistPorts &
    EvidencePorts &
    OfficerPorts &
    StatisticsPorts &
    AnnualReportPorts &
    DrawPorts &
    InspectionPorts &
    RecomputePorts;
  return { ports, clock, events: log.events, scheduled, platform };
}
