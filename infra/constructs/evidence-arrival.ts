import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Match, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantEvidenceArchive } from '#infra/constructs/evidence-grants.ts';
import { ProjectFunction } from '#infra/constructs/project-function.ts';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import { journalTable, mainTable } from '#shared/kernel/store/table-definitions.ts';

/**
 * REC-4, REC-6: each object that arrives in the evidence archive is checked (size and SHA-256)
 * by a function on the bucket's Object Created events; an arrival it could not take after every
 * retry waits in a dead-letter queue, never lost, and alarms say so, as they say when a declared
 * recording has not arrived a day later.
 */
export class EvidenceArrival extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: { environment: Record<string, string>; stateful: StatefulStack },
  ) {
    super(scope, id);
    const { stateful } = props;
    const objectCreated = new ProjectFunction(this, 'EvidenceObjectCreated', {
      entry: 'functions/evidence/object-created',
      serviceName: 'evidence',
      environment: props.environment,
      timeout: Duration.minutes(15),
      memorySize: 2048,
      description: 'Verifies size and SHA-256 of each object that arrives in the evidence archive',
    });
    objectCreated.useTable(stateful.tables.MAIN_TABLE, mainTable, 'read-write');
    objectCreated.useTable(stateful.tables.JOURNAL_TABLE, journalTable, 'append-only');
    grantEvidenceArchive(objectCreated, 'read', stateful);
    const deadLetters = new Queue(this, 'EvidenceArrivalDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the evidence-arrival rule.',
    });
    new Rule(this, 'EvidenceArrived', {
      description: 'Object Created in the evidence archive',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        // Recordings only: the journal anchors written under anchors/ are not evidence.
        detail: {
          bucket: { name: [stateful.evidenceBucket.bucketName] },
          object: { key: Match.prefix('evidence/') },
        },
      },
      targets: [new LambdaFunction(objectCreated, { retryAttempts: 8, deadLetterQueue: deadLetters })],
    });
    new Alarm(this, 'EvidenceUploadsStaleAlarm', {
      alarmDescription: '有音像证据申报超过一天仍未到达档案库（REC-6）',
      metric: new Metric({
        namespace: 'EnforcementPlatform',
        metricName: 'EvidenceUploadsStale',
        dimensionsMap: { service: 'jobs' },
        statistic: 'Maximum',
        period: Duration.hours(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    new Alarm(this, 'EvidenceArrivalDeadLettersAlarm', {
      alarmDescription: '有音像证据到达事件多次校验失败，进入死信队列（REC-6）',
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
