import { jobTable } from '#functions/jobs.ts';
import { runJob } from '#local/api-server.ts';
import { deliverEvidenceArrivals } from '#local/evidence-arrivals.ts';

const EVIDENCE_POLL_MS = 2000;

/**
 * The local stand-in for EventBridge Scheduler (each job on its interval, in this process) and
 * for the archive bucket's S3 notifications.
 */
export function startScheduler(log: (line: string) => void = console.log): { stop(): void } {
  const timers = jobTable.map((job) =>
    setInterval(() => {
      runJob(job.name).catch((error: unknown) => log(`job ${job.name} failed: ${String(error)}`));
    }, job.everyMinutes * 60_000),
  );
  // S3 notifications have no local equivalent worth running: look for arrived evidence instead.
  timers.push(
    setInterval(() => {
      deliverEvidenceArrivals().catch((error: unknown) => log(`evidence arrivals failed: ${String(error)}`));
    }, EVIDENCE_POLL_MS),
  );
  return {
    stop: () => {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
