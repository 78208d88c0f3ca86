import type { Port } from '#shared/kernel/store/port.ts';
import type { EvidenceRepository } from '#shared/recording/store/evidence-repository.ts';

/** An upload that has not arrived a day after it was declared is listed (REC-6). */
export const STALE_UPLOAD_HOURS = 24;

export interface StaleUpload {
  agencyId: string;
  caseId: string;
  evidenceId: string;
  fileName: string;
  declaredAt: string;
}

/**
 * Evidence declared more than a day ago and still `pending-upload`: the device lost it, the
 * network never came back, or the arrival was lost. Nothing is stuck silently: the list goes to
 * the job's answer and a metric with an alarm, for the case's officers to upload again.
 */
export async function staleUploadReport(ports: { evidence: Port<EvidenceRepository>; now: () => Date }) {
  const before = new Date(ports.now().getTime() - STALE_UPLOAD_HOURS * 3600_000).toISOString();
  const pending = await ports.evidence.pending({ before, limit: 500 });
  const uploads: StaleUpload[] = pending.items
    .filter((evidence) => evidence.status === 'pending-upload')
    .map((evidence) => ({
      agencyId: evidence.agencyId,
      caseId: evidence.caseId,
      evidenceId: evidence.id,
      fileName: evidence.fileName,
      declaredAt: evidence.createdAt,
    }));
  // The oldest 500; `more` says the list goes on (the alarm fires on the first anyway).
  return { before, uploads, more: pending.next !== undefined };
}
