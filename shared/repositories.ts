import { ChecklistRepository } from '#shared/checklists/store/checklist-repository.ts';
import { clock } from '#shared/clock.ts';
import { config } from '#shared/config.ts';
import { publishEvents } from '#shared/events/publisher.ts';
import { pushHttp } from '#shared/events/push-http.ts';
import { InspectionPlanRepository } from '#shared/inspections/store/inspection-plan-repository.ts';
import { InspectionRepository } from '#shared/inspections/store/inspection-repository.ts';
import { RandomDrawRepository } from '#shared/inspections/store/random-draw-repository.ts';
import { CalendarRepository } from '#shared/kernel/store/calendar-repository.ts';
import { documentClient, s3Client } from '#shared/kernel/store/clients.ts';
import { StatisticsRepository } from '#shared/kernel/store/statistics-repository.ts';
import { ReviewRepository } from '#shared/legal-review/store/review-repository.ts';
import { AccountRepository } from '#shared/organisation/store/account-repository.ts';
import { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';
import { TrainingRepository } from '#shared/organisation/store/training-repository.ts';
import { AnnualReportRepository } from '#shared/publicity/store/annual-report-repository.ts';
import { PublicationRepository } from '#shared/publicity/store/publication-repository.ts';
import { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { DeviceRepository } from '#shared/recording/store/device-repository.ts';
import { scheduleDueDate } from '#shared/recording/store/due-date-scheduler.ts';
import { EvidenceRepository } from '#shared/recording/store/evidence-repository.ts';
import { EvidenceStorage } from '#shared/recording/store/evidence-storage.ts';
import { JournalAnchors } from '#shared/recording/store/journal-anchors.ts';
import { PushRepository } from '#shared/recording/store/push-repository.ts';
import { RecomputeRepository } from '#shared/recording/store/recompute-repository.ts';
import { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import { EvaluationRepository } from '#shared/supervision/store/evaluation-repository.ts';
import { MatterRepository } from '#shared/supervision/store/matter-repository.ts';
import { SupervisionYearRepository } from '#shared/supervision/store/supervision-year-repository.ts';

/** The repositories over this deployment's tables, built once per cold start. */
const {
  MAIN_TABLE: table,
  JOURNAL_TABLE,
  EVIDENCE_BUCKET,
  EVIDENCE_RETENTION_DAYS,
  EVIDENCE_CHECKSUMS,
} = config();

export const repositories = {
  accounts: new AccountRepository(documentClient, table, JOURNAL_TABLE),
  agencies: new AgencyRepository(documentClient, table),
  annualReports: new AnnualReportRepository(documentClient, table),
  officers: new OfficerRepository(documentClient, table),
  complaints: new ComplaintRepository(documentClient, table),
  matters: new MatterRepository(documentClient, table, JOURNAL_TABLE),
  evaluations: new EvaluationRepository(documentClient, table, JOURNAL_TABLE),
  supervisionYears: new SupervisionYearRepository(documentClient, table),
  checklists: new ChecklistRepository(documentClient, table),
  cases: new CaseRepository(documentClient, table, JOURNAL_TABLE),
  evidence: new EvidenceRepository(documentClient, table),
  inspections: new InspectionRepository(documentClient, table),
  inspectionPlans: new InspectionPlanRepository(documentClient, table),
  devices: new DeviceRepository(documentClient, table),
  calendars: new CalendarRepository(documentClient, table),
  reviews: new ReviewRepository(documentClient, table),
  statistics: new StatisticsRepository(documentClient, table),
  trainings: new TrainingRepository(documentClient, table),
  publications: new PublicationRepository(documentClient, table),
  push: new PushRepository(documentClient, table),
  randomDraws: new RandomDrawRepository(documentClient, table),
  recomputations: new RecomputeRepository(documentClient, table),
};

/** What use cases are handed: the repositories and the clock. */
export const ports = {
  ...repositories,
  storage: new EvidenceStorage(s3Client, EVIDENCE_BUCKET, EVIDENCE_CHECKSUMS),
  anchors: new JournalAnchors(documentClient, table, s3Client, EVIDENCE_BUCKET),
  retentionDays: EVIDENCE_RETENTION_DAYS,
  now: () => clock.now(),
  systemNow: () => new Date(),
  publish: publishEvents,
  scheduleDueDate,
  http: pushHttp,
};
