/**
 * The one-time schedule that runs the publication sweep at the start of a publication's due date
 * (00:00 Asia/Shanghai), beside the 15-minute sweep (PUB-12). EventBridge Scheduler deletes it
 * after it has run.
 */
export interface ScheduleTarget {
  functionArn: string;
  roleArn: string;
  group: string;
}

export function dueDateSchedule(publicationId: string, dueBy: string, target: ScheduleTarget) {
  return {
    Name: `publication-${publicationId}`,
    GroupName: target.group,
    ScheduleExpression: `at(${dueBy}T00:00:00)`,
    ScheduleExpressionTimezone: 'Asia/Shanghai',
    FlexibleTimeWindow: { Mode: 'OFF' as const },
    ActionAfterCompletion: 'DELETE' as const,
    Target: {
      Arn: target.functionArn,
      RoleArn: target.roleArn,
      Input: JSON.stringify({ job: 'publication-sweep' }),
      RetryPolicy: { MaximumRetryAttempts: 5 },
    },
  };
}
