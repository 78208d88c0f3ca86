import { jobTable } from '#functions/jobs.ts';
import { runJob } from '#infra/local/api-server.ts';

/** The local stand-in for EventBridge Scheduler: each job on its interval, in this process. */
export function startScheduler(log: (line: string) => void = console.log): { stop(): void } {
  const timers = jobTable.map((job) =>
    setInterval(() => {
      runJob(job.name).catch((error: unknown) => log(`job ${job.name} failed: ${String(error)}`));
    }, job.everyMinutes * 60_000),
  );
  return {
    stop: () => {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
