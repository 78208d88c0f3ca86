import { type CfnElement, Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { jobTable } from '#functions/jobs.ts';
import { grantEvidenceArchive } from '#infra/constructs/evidence-grants.ts';
import { constructIdOf, ProjectFunction } from '#infra/constructs/project-function.ts';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import { journalTable, mainTable } from '#shared/kernel/store/table-definitions.ts';

/**
 * The job table (functions/jobs.ts) as functions on EventBridge Scheduler, each on its rate, and
 * the alarm of the publication sweep (PUB-12). The scheduler's role is also the one the API's
 * one-time due-date schedules run under.
 */
export class Jobs extends Construct {
  readonly schedulerRole: Role;
  readonly functions = new Map<string, ProjectFunction>();

  constructor(
    scope: Construct,
    id: string,
    props: { environment: Record<string, string>; stateful: StatefulStack },
  ) {
    super(scope, id);
    const { environment, stateful } = props;
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'EventBridge Scheduler invokes the job functions',
    });
    for (const job of jobTable) {
      const fn = new ProjectFunction(this, constructIdOf(job.handler), {
        entry: `functions/${job.handler}`,
        serviceName: 'jobs',
        environment,
        timeout: Duration.minutes(5),
        description: job.description,
      });
      fn.useTable(stateful.tables.MAIN_TABLE, mainTable, 'read-write');
      fn.useTable(stateful.tables.JOURNAL_TABLE, journalTable, 'append-only');
      if (job.archive) grantEvidenceArchive(fn, job.archive, stateful);
      if (job.name === 'arrival-redrive') {
        // HEAD of an object not (yet) there answers 404 only to those who may list the bucket; 403 otherwise.
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['s3:ListBucket'],
            resources: [Fn.importValue(stateful.evidenceBucketArnExport)],
          }),
        );
      }
      this.functions.set(job.name, fn);
      const functionLogicalId = Stack.of(this).getLogicalId(fn.node.defaultChild as CfnElement);
      Validations.of(this.schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
        reason: 'The scheduler may invoke any version or alias of this one job function.',
      });
      new Schedule(this, `${constructIdOf(job.name)}Schedule`, {
        scheduleGroup: stateful.scheduleGroup,
        schedule: ScheduleExpression.rate(Duration.minutes(job.everyMinutes)),
        target: new LambdaInvoke(fn, {
          role: this.schedulerRole,
          input: ScheduleTargetInput.fromObject({ job: job.name }),
          retryAttempts: 3,
        }),
        description: job.description,
      });
    }
    // PUB-12: a publication that reached its due date unpublished raises an alarm.
    new Alarm(this, 'PublicationsOverdueAlarm', {
      alarmDescription: '有公示超过法定期限仍未发布（PUB-12）',
      metric: new Metric({
        namespace: 'EnforcementPlatform',
        metricName: 'PublicationsOverdue',
        dimensionsMap: { service: 'jobs' },
        statistic: 'Sum',
        period: Duration.minutes(15),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** The function of a job of the table, by its name. */
  function(name: string): ProjectFunction {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`the ${name} job is missing from functions/jobs.ts`);
    return fn;
  }
}
