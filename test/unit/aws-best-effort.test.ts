import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// As the stateless stack configures a function in AWS: a bus, and the sweep's schedule target.
Object.assign(process.env, {
  MAIN_TABLE: 'main',
  JOURNAL_TABLE: 'journal',
  IDEMPOTENCY_TABLE: 'idempotency',
  EVIDENCE_BUCKET: 'evidence',
  PUBLIC_BASE_URL: 'https://zfgs.example.gov.cn',
  EVENT_BUS_NAME: 'enforcement',
  SWEEP_FUNCTION_ARN: 'arn:aws-cn:lambda:cn-north-1:111111111111:function:sweep',
  SCHEDULER_ROLE_ARN: 'arn:aws-cn:iam::111111111111:role/scheduler',
  SCHEDULE_GROUP: 'enforcement',
});
const eventBridge = mockClient(EventBridgeClient);
const scheduler = mockClient(SchedulerClient);
// Imported once the environment is set: they read their configuration on import.
let publishEvents: typeof import('#shared/events/publisher.ts').publishEvents;
let scheduleDueDate: typeof import('#shared/recording/store/due-date-scheduler.ts').scheduleDueDate;
let logger: typeof import('#shared/observability.ts').logger;
beforeAll(async () => {
  ({ publishEvents } = await import('#shared/events/publisher.ts'));
  ({ scheduleDueDate } = await import('#shared/recording/store/due-date-scheduler.ts'));
  ({ logger } = await import('#shared/observability.ts'));
});

const event = {
  source: 'enforcement.publications',
  detailType: 'publication.published',
  detail: { id: 'p1' },
};

describe('what follows a stored change is best effort, and says when it fails', () => {
  it('[ORG-2] events EventBridge did not take are logged with the events, and the change stands', async () => {
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });
    await expect(publishEvents([event])).resolves.toBeUndefined();
    expect(eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0]).toMatchObject({
      EventBusName: 'enforcement',
      DetailType: 'publication.published',
    });
    expect(error).toHaveBeenCalledWith('events not published', expect.objectContaining({ events: [event] }));
    error.mockRestore();
  });

  it('[PUB-12] a due-date schedule that exists already is no failure; another failure is logged, and the sweep still publishes', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    scheduler
      .on(CreateScheduleCommand)
      .rejectsOnce(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }))
      .rejectsOnce(new Error('throttled'));
    await expect(scheduleDueDate({ id: 'p1', dueBy: '2026-12-15' })).resolves.toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    await expect(scheduleDueDate({ id: 'p2', dueBy: '2026-12-15' })).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      'due-date schedule not created; the 15-minute sweep covers it',
      expect.objectContaining({ publication: { id: 'p2', dueBy: '2026-12-15' } }),
    );
    // A deadline a missing calendar holds has no date to schedule.
    await scheduleDueDate({ id: 'p3', dueBy: null });
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(2);
    warn.mockRestore();
  });
});
