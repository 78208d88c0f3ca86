import { addWorkingDays, CalendarNotConfirmed, type YearCalendar } from '#shared/kernel/calendar.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { sha256Hex } from '#shared/kernel/journal.ts';
import type { ProcedureSettings } from '#shared/kernel/procedure-settings.ts';
import { type CalendarPorts, yearCalendar } from '#shared/kernel/use-cases/calendar.ts';
import { type CaseRecord, lastRevocation } from '#shared/recording/domain/case.ts';
import {
  type Procedure,
  procedureLabels,
  procedureSteps,
  type StepState,
  simpleFinePeriod,
} from '#shared/recording/domain/procedure.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';
import type { SimpleFineTally } from '#shared/recording/store/case-repository.ts';
import type { CasePorts } from '#shared/recording/use-cases/case-access.ts';

export type ProcedurePorts = CasePorts & CalendarPorts;

export interface ProcedureView {
  procedure: Procedure;
  procedureName: string;
  /**
   * The proposal the steps were checked against (the hearing period depends on the penalty): the
   * decision once issued, else the last proposal refused for review.
   */
  proposal?: Proposal;
  steps: StepState[];
  /** The steps not yet done: what an officer's checklist shows before a decision. */
  missing: StepState[];
  /** A simple-procedure penalty's tally of its party's fines, which its decision adds to. */
  simpleFines?: { key: Omit<SimpleFineTally, 'fines' | 'version'>; tally: SimpleFineTally | undefined };
}

/**
 * Where a simple-procedure penalty's fines on its party are tallied for the period of `today`
 * (art. 51), and what the tally holds: one keyed read. Undefined for any other case.
 */
export async function simpleFineTally(
  ports: ProcedurePorts,
  record: CaseRecord,
  settings: ProcedureSettings | undefined,
): Promise<
  { key: Omit<SimpleFineTally, 'fines' | 'version'>; tally: SimpleFineTally | undefined } | undefined
> {
  if (record.category !== 'penalty' || record.procedure !== 'simple') return undefined;
  const key = {
    agencyId: record.agencyId,
    partyKey: sha256Hex(record.party.idNumber.toUpperCase()),
    period: simpleFinePeriod(legalDateOf(ports.now()), settings),
  };
  return { key, tally: await ports.cases.simpleFines(key.agencyId, key.partyKey, key.period) };
}

/**
 * The statutory steps before this case's decision (LAW-10, LAW-11), read from what the case
 * holds: its records, activities and evidence, the agency's procedure settings and the calendar.
 */
export async function caseProcedure(
  ports: ProcedurePorts,
  record: CaseRecord,
  proposal: Proposal | undefined = record.decision ?? record.proposal,
): Promise<ProcedureView> {
  const [documents, activities, evidence, profile] = await Promise.all([
    ports.cases.documents(record.agencyId, record.id),
    ports.cases.activities(record.agencyId, record.id),
    ports.evidence.forCase(record.agencyId, record.id),
    ports.agencies.get(record.agencyId),
  ]);
  const years = new Set(
    documents
      .filter((document) => document.type === 'service-receipt')
      .flatMap((document) => {
        const servedAt = Date.parse(String(document.fields.servedAt));
        if (Number.isNaN(servedAt)) return [];
        const year = Number(legalDateOf(new Date(servedAt)).slice(0, 4));
        return [year, year + 1];
      }),
  );
  const calendars = new Map<number, YearCalendar | undefined>();
  for (const year of years) calendars.set(year, await yearCalendar(ports, year));
  const periodEnd = (from: string, workingDays: number) => {
    try {
      return addWorkingDays((year) => calendars.get(year), from, workingDays).dueBy;
    } catch (error) {
      if (error instanceof CalendarNotConfirmed) return null;
      throw error;
    }
  };
  const procedure = record.procedure ?? 'general';
  const fines = await simpleFineTally(ports, record, profile?.procedure);
  const steps = procedureSteps(
    {
      category: record.category,
      procedure,
      partyKind: record.party.kind,
      flags: record.flags,
      hearingHeld: record.hearingHeld === true,
      documents,
      activities,
      archivedEvidence: evidence.filter((item) => item.status === 'archived').length,
      since: lastRevocation(record),
      simpleFines: fines?.tally?.fines.filter((fine) => fine.caseId !== record.id),
      matterId: record.matterId,
    },
    proposal,
    { today: legalDateOf(ports.now()), periodEnd },
    profile?.procedure,
  );
  return {
    procedure,
    procedureName: procedureLabels[procedure],
    ...(proposal ? { proposal } : {}),
    steps,
    missing: steps.filter((step) => step.status !== 'done'),
    ...(fines ? { simpleFines: fines } : {}),
  };
}
