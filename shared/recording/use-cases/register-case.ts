import { ulid } from 'ulid';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { RuleViolation } from '#shared/kernel/errors.ts';
import { GENESIS_HASH, nextEntry } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import {
  type Activity,
  type ActivityInput,
  type CaseInput,
  type CaseRecord,
  maskedName,
} from '#shared/recording/domain/case.ts';
import type { CaseDocument, DocumentType } from '#shared/recording/domain/documents.ts';
import type { CasePorts } from '#shared/recording/use-cases/case-access.ts';
import { openingActivity } from '#shared/recording/use-cases/case-activities.ts';
import {
  caseField,
  caseUnit,
  citedMatterField,
  qualifiedOfficers,
} from '#shared/recording/use-cases/case-commit.ts';
import { numberedDocument } from '#shared/recording/use-cases/case-documents.ts';

/**
 * What a scan opens a case with (INS-4): the inspection, its change, and the records written with
 * the registration (its 审批表, INS-6). `children` is asked again at each attempt, so a lost race
 * reads the inspection again.
 */
export interface CaseOpening {
  inspectionId: string;
  children: (caseId: string) => Promise<ChildWrite[]>;
  records: { type: DocumentType; title: string; fields: Record<string, unknown> }[];
  /** The activity begun as the case opens (the on-site inspection), by the case's officers. */
  activity: Pick<ActivityInput, 'type' | 'location'>;
}

/** Registers a case (`POST /v1/cases`). */
export async function registerCase(
  ports: CasePorts,
  principal: Principal,
  input: CaseInput,
): Promise<CaseRecord> {
  return (await openCase(ports, principal, input)).record;
}

/**
 * Registers a case, and its records. An inspection of an enterprise opens its case when the
 * officer scans the enterprise in (INS-4): `opened` names the inspection and carries its change and
 * its records into the case's transaction, journaled with the registration: no case without them,
 * none twice.
 */
export async function openCase(
  ports: CasePorts,
  principal: Principal,
  input: CaseInput,
  opened?: CaseOpening,
): Promise<{ record: CaseRecord; documents: CaseDocument[]; activity?: Activity }> {
  const profile = await ports.agencies.get(principal.agencyId);
  const region = input.region ?? profile?.region;
  const field = caseField(input.field, await citedMatterField(ports, principal.agencyId, input), profile);
  if (input.drawId !== undefined) {
    const draw = await ports.randomDraws.get(input.drawId);
    if (
      !draw ||
      draw.agencyId !== principal.agencyId ||
      (input.matterId && input.matterId !== draw.matterCode)
    ) {
      throw new RuleViolation('UNKNOWN_DRAW', '随机抽取记录不存在或与检查事项不符', [
        { path: 'drawId', message: input.drawId },
      ]);
    }
  }
  const officerUsers = await qualifiedOfficers(ports, principal.agencyId, input.officers, {
    dates: [legalDateOf(ports.now())],
    category: input.category,
    region,
  });
  const unitId = caseUnit(principal, input.unitId, profile);
  // A lost race (a busy transaction, a record's number or the inspection taken) is tried afresh.
  return withRetry(async () => {
    const now = ports.now();
    const registered: CaseRecord = {
      id: ulid(),
      agencyId: principal.agencyId,
      category: input.category,
      procedure: input.procedure ?? 'general',
      ...(field ? { field } : {}),
      title: input.title,
      ...(input.matterId ? { matterId: input.matterId } : {}),
      ...(input.drawId ? { drawId: input.drawId } : {}),
      // Who begins the opening activity authors the case, as with any activity (LAW-12).
      ...(opened ? { inspectionId: opened.inspectionId, authors: [principal.sub] } : {}),
      party: input.party,
      officers: input.officers,
      handlers: [...new Set([principal.sub, ...officerUsers])],
      ...(unitId ? { unitId } : {}),
      ...(region ? { region } : {}),
      ...(input.amountInvolved !== undefined ? { amountInvolved: input.amountInvolved } : {}),
      flags: input.flags ?? {},
      status: 'registered',
      createdAt: now.toISOString(),
      createdBy: principal.sub,
      updatedAt: now.toISOString(),
      version: 1,
      journalSeq: 0,
      journalHead: GENESIS_HASH,
    };
    const [records, children, activity] = await Promise.all([
      Promise.all(
        (opened?.records ?? []).map((each) => numberedDocument(ports, principal, registered, each)),
      ),
      opened?.children(registered.id) ?? [],
      opened ? openingActivity(ports, principal, registered, opened.activity) : undefined,
    ]);
    const entry = nextEntry(
      { seq: 0, hash: GENESIS_HASH },
      {
        at: now.toISOString(),
        actor: principal.sub,
        type: 'case.registered',
        data: {
          category: input.category,
          procedure: input.procedure ?? 'general',
          title: input.title,
          party: { kind: input.party.kind, name: maskedName(input.party) },
          officers: input.officers,
          ...(input.matterId ? { matterId: input.matterId } : {}),
          ...(records.length > 0
            ? {
                documents: records.map(({ document }) => ({
                  documentId: document.id,
                  documentType: document.type,
                  number: document.number,
                  sha256: document.sha256,
                })),
              }
            : {}),
          ...(activity
            ? {
                activity: {
                  activityId: activity.id,
                  activityType: activity.type,
                  officers: activity.officers,
                  startedAt: activity.startedAt,
                },
              }
            : {}),
        },
      },
    );
    const record: CaseRecord = { ...registered, journalSeq: entry.seq, journalHead: entry.hash };
    await ports.cases.create(record, entry, [
      ...records.flatMap(({ writes }) => writes),
      ...(activity ? [ports.cases.putActivity(activity)] : []),
      ...children,
    ]);
    return { record, documents: records.map(({ document }) => document), activity };
  });
}
