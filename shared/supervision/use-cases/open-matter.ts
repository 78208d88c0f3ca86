import { ulid } from 'ulid';
import { Forbidden, ValidationFailed } from '#shared/kernel/errors.ts';
import { GENESIS_HASH, type JournalEntry, nextEntry } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { MatterInput, MatterStep, SupervisionMatter } from '#shared/supervision/domain/matter.ts';
import { type MatterPorts, matterView } from '#shared/supervision/use-cases/matter-access.ts';
import { overseen } from '#shared/supervision/use-cases/oversight.ts';

/**
 * A new matter opened by the caller's body and its first journal entry (`matter.opened`), as
 * `openMatter` writes it and as a case file scored below the pass mark opens one (SUP-4).
 */
export function newMatter(
  principal: Principal,
  input: Omit<MatterInput, 'sourceRef'> & { sourceRef?: string | undefined },
  names: { bodyName: string; agencyName: string; now: Date; caseTitle?: string | undefined },
): { matter: SupervisionMatter; entry: JournalEntry } {
  const entry = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    {
      at: names.now.toISOString(),
      actor: principal.sub,
      type: 'matter.opened' satisfies MatterStep,
      data: {
        agencyId: input.agencyId,
        source: input.source,
        ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
        subject: input.subject,
        facts: input.facts,
      },
    },
  );
  const matter: SupervisionMatter = {
    matterId: ulid(),
    supervisorAgencyId: principal.agencyId,
    supervisorName: names.bodyName,
    agencyId: input.agencyId,
    agencyName: names.agencyName,
    source: input.source,
    ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
    subject: {
      ...(input.subject.caseId ? { caseId: input.subject.caseId } : {}),
      // The case as people name it, from the case itself (the screens never show its id).
      ...(input.subject.caseId && names.caseTitle ? { caseTitle: names.caseTitle } : {}),
      ...(input.subject.practice ? { practice: input.subject.practice } : {}),
    },
    facts: input.facts,
    openedAt: names.now.toISOString(),
    openedBy: principal.sub,
    openedByName: principal.name,
    status: 'open',
    opinions: [],
    journalHead: { seq: entry.seq, hash: entry.hash },
    version: 1,
  };
  return { matter, entry };
}

/**
 * Opens a supervision matter (SUP-2) against an agency the caller's body supervises: from a
 * complaint, a 12345 transfer, an evaluation, an alert, statistics or its own finding; about a
 * case of that agency (which must exist) or a practice, or the agency itself.
 */
export async function openMatter(ports: MatterPorts, principal: Principal, input: MatterInput) {
  if (!principal.roles.includes('supervisor') || input.agencyId === principal.agencyId)
    throw new Forbidden('只有监督机关可以对其所监督的执法机关立监督事项');
  overseen(principal, input.agencyId);
  const fromComplaint = input.source === 'complaint' && input.sourceRef !== undefined;
  const [agency, body, subjectCase, complaint] = await Promise.all([
    ports.agencies.get(input.agencyId),
    ports.agencies.get(principal.agencyId),
    input.subject.caseId ? ports.cases.get(input.agencyId, input.subject.caseId) : undefined,
    fromComplaint ? ports.complaints.get(input.agencyId, input.sourceRef ?? '') : undefined,
  ]);
  const bad = [
    ...(input.subject.caseId && !subjectCase
      ? [{ path: 'subject.caseId', message: '被监督机关没有这个案件' }]
      : []),
    // A matter said to come from a complaint names a complaint the agency received.
    ...(fromComplaint && !complaint ? [{ path: 'sourceRef', message: '被监督机关没有收到这件投诉' }] : []),
  ];
  if (bad.length > 0) throw new ValidationFailed(bad);
  const { matter, entry } = newMatter(principal, input, {
    bodyName: body?.name ?? principal.agencyId,
    agencyName: agency?.name ?? input.agencyId,
    now: ports.now(),
    caseTitle: subjectCase?.title,
  });
  await withRetry(() => ports.matters.create(matter, entry));
  return matterView(matter, new Date(matter.openedAt));
}
