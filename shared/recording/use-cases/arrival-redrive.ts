import { type EvidencePorts, receiveEvidence } from '#shared/recording/use-cases/evidence.ts';

/** How far back the redrive looks: beyond it, the stale-uploads list and its alarm have long said so. */
export const REDRIVE_DAYS = 7;
/** Arrivals younger than this are left to the archive's own notification, still on its way. */
export const REDRIVE_GRACE_MINUTES = 10;

/**
 * The redrive of evidence arrivals (REC-6): the archive's ObjectCreated notification is retried
 * and then parked in a dead-letter queue, and an event can be lost outright. This job goes by
 * the declarations instead: evidence declared in the last week and still `pending-upload` whose
 * object is in the archive is verified now, exactly as the notification would have done. It reads
 * the pending index of that window only, so it costs the uploads in flight, not the history.
 */
export async function redriveArrivals(
  ports: EvidencePorts,
): Promise<{ checked: number; received: { evidenceId: string; status: string }[] }> {
  const now = ports.now().getTime();
  const after = new Date(now - REDRIVE_DAYS * 24 * 3600_000).toISOString();
  const before = new Date(now - REDRIVE_GRACE_MINUTES * 60_000).toISOString();
  const received: { evidenceId: string; status: string }[] = [];
  let checked = 0;
  for await (const evidence of ports.evidence.allPending({ after, before })) {
    checked += 1;
    const arrived = await ports.storage.arrived(evidence.key);
    if (!arrived) continue;
    const outcome = await receiveEvidence(ports, evidence.key, arrived.versionId);
    if (outcome) received.push(outcome);
  }
  return { checked, received };
}
