import { agencyPartition } from '#shared/kernel/store/keys.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';

/**
 * The keys of a case and of what belongs to it (activities, documents, document numbers, the
 * simple procedure's tallies, verifications, the journal), owned here: the repository and
 * whatever else reads these items (the journal anchors, the fakes) ask this module.
 */
/** The partition of one unit's cases in gsi2; `-` holds the cases registered without a unit. */
export const unitCasesPk = (agencyId: string, unitId: string | undefined) =>
  `CASES#${agencyId}#UNIT#${unitId ?? '-'}`;
/** The partition of an agency's closed case files in gsi3, by the day each was closed (SUP-4). */
export const closedCasesPk = (agencyId: string) => `CLOSED_CASES#${agencyId}`;
/** A case file that is closed (结案) or archived (归档), with its closing day. */
export const isClosedFile = (record: Pick<CaseRecord, 'status' | 'closedOn'>) =>
  (record.status === 'closed' || record.status === 'archived') && record.closedOn !== undefined;
export const caseKeys = (agencyId: string, id: string) => ({
  pk: agencyPartition(agencyId),
  sk: `CASE#${id}`,
});
export const activityKeys = (agencyId: string, caseId: string, id: string) => ({
  pk: agencyPartition(agencyId),
  sk: `CASE#${caseId}#ACT#${id}`,
});
export const documentKeys = (agencyId: string, caseId: string, id: string) => ({
  pk: agencyPartition(agencyId),
  sk: `CASE#${caseId}#DOC#${id}`,
});
/** A document's verification (PUB-16), found by its code alone: one keyed read. */
export const verificationKeys = (code: string) => ({ pk: `DOCUMENT#${code}`, sk: 'DOCUMENT' });
export const counterKeys = (agencyId: string, type: string, year: string) => ({
  pk: agencyPartition(agencyId),
  sk: `DOCNO#${type}#${year}`,
});
export const simpleFineKeys = (agencyId: string, partyKey: string, period: string) => ({
  pk: agencyPartition(agencyId),
  sk: `SIMPLEFINES#${partyKey}#${period}`,
});

/** The marker of a case's journal on one day; `gsi2` lists a day's changed cases across agencies. */
export const JOURNAL_DAY = 'JOURNAL_DAY';
export const journalPk = (agencyId: string, caseId: string) => `CASE#${agencyId}#${caseId}`;
