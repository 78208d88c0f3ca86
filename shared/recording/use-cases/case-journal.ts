import { type JournalEntry, verifyChain } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import { type CasePorts, readCase } from '#shared/recording/use-cases/case-access.ts';
import { verifyAgainstAnchors } from '#shared/recording/use-cases/journal-anchors.ts';

export async function caseJournal(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
): Promise<JournalEntry[]> {
  await readCase(ports, principal, caseId);
  return ports.cases.journal(principal.agencyId, caseId);
}

export async function verifyCaseJournal(ports: CasePorts, principal: Principal, caseId: string) {
  const record = await readCase(ports, principal, caseId);
  const entries = await ports.cases.journal(principal.agencyId, caseId);
  const chain = verifyChain(entries, { seq: record.journalSeq, hash: record.journalHead });
  // The chain proves itself against the case's head; the anchors against the archive (REC-3).
  if (!chain.ok) return chain;
  const { broken } = await verifyAgainstAnchors(ports, principal.agencyId, caseId, entries);
  return broken ? { ...chain, ok: false, broken: { seq: broken.seq, reason: broken.reason } } : chain;
}
