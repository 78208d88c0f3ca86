import { describe, expect, it } from 'vitest';
import { dueDateSchedule } from '#shared/recording/domain/due-date-schedule.ts';

describe('the one-time schedule at a publication due date', () => {
  it('[PUB-12] runs the sweep at 00:00 China Standard Time on the due date, once, then deletes itself', () => {
    const input = dueDateSchedule('01ABC', '2026-10-13', {
      functionArn: 'arn:fn',
      roleArn: 'arn:role',
      group: 'g',
    });
    expect(input).toMatchObject({
      Name: 'publication-01ABC',
      GroupName: 'g',
      ScheduleExpression: 'at(2026-10-13T00:00:00)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: 'arn:fn', RoleArn: 'arn:role', Input: '{"job":"publication-sweep"}' },
    });
  });
});
