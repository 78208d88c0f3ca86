import * as z from 'zod';

/**
 * What EventBridge Scheduler sends a job function (the schedule's input), and what the local
 * scheduler and `POST /dev/jobs/{job}` send.
 */
export const ScheduledJobInvocation = {
  version: 1,
  schema: z.object({
    job: z.string().min(1),
    time: z.string().optional(),
  }),
} as const;
export type ScheduledJobInvocation = z.infer<typeof ScheduledJobInvocation.schema>;
