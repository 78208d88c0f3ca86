import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import { dueDateSchedule } from '#shared/recording/domain/due-date-schedule.ts';

const { SWEEP_FUNCTION_ARN, SCHEDULER_ROLE_ARN, SCHEDULE_GROUP } = config();
const target =
  SWEEP_FUNCTION_ARN && SCHEDULER_ROLE_ARN && SCHEDULE_GROUP
    ? { functionArn: SWEEP_FUNCTION_ARN, roleArn: SCHEDULER_ROLE_ARN, group: SCHEDULE_GROUP }
    : undefined;
const scheduler = target ? new SchedulerClient({}) : undefined;

/**
 * Asks EventBridge Scheduler to run the sweep when a publication falls due. Best effort: the
 * 15-minute sweep publishes it anyway, so a failure is logged, never raised. On one machine
 * (no scheduler configured) it does nothing.
 */
export async function scheduleDueDate(publication: { id: string; dueBy: string | null }): Promise<void> {
  if (!scheduler || !target || publication.dueBy === null) return;
  try {
    await scheduler.send(
      new CreateScheduleCommand(dueDateSchedule(publication.id, publication.dueBy, target)),
    );
  } catch (error) {
    if ((error as { name?: string }).name === 'ConflictException') return;
    logger.warn('due-date schedule not created; the 15-minute sweep covers it', {
      error: error as Error,
      publication,
    });
  }
}
