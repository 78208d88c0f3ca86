import {
  type CfnElement,
  CfnOutput,
  Duration,
  Fn,
  Stack,
  type StackProps,
  Token,
  Validations,
} from 'aws-cdk-lib';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Match, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { jobTable } from '#functions/jobs.ts';
import { routeTable } from '#functions/routes.ts';
import { areaOf, writeAreaEntry } from '#infra/constructs/area-entry.ts';
import { ConsoleHosting } from '#infra/constructs/console-hosting.ts';
import { ProjectFunction } from '#infra/constructs/project-function.ts';
import type { DeploymentContext } from '#infra/context.ts';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import { grantsOf } from '#shared/http/grants.ts';
import { type EvidenceArchiveAccess, type RouteDef, routeKey } from '#shared/http/route.ts';
import { idempotencyTable, journalTable, mainTable } from '#shared/store/table-definitions.ts';

export interface StatelessStackProps extends StackProps {
  deployment: DeploymentContext;
  stateful: StatefulStack;
}

/** `functions/officers/create-officer` -> `OfficersCreateOfficer` */
const constructId = (handler: string) =>
  handler
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/**
 * What can be redeployed at will: one function per route and per job, the HTTP API with its JWT
 * authorizer, and the schedules. The route table (functions/routes.ts) and the job table
 * (functions/jobs.ts) drive it, as they drive the local runtime.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  /** The public site (functions/site/) and the public API, cached at the edge. */
  readonly site: Distribution;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { deployment, stateful } = props;
    const { identity } = deployment;

    const environment = {
      MAIN_TABLE: stateful.tables.MAIN_TABLE.tableName,
      JOURNAL_TABLE: stateful.tables.JOURNAL_TABLE.tableName,
      IDEMPOTENCY_TABLE: stateful.tables.IDEMPOTENCY_TABLE.tableName,
      EVIDENCE_BUCKET: stateful.evidenceBucket.bucketName,
      EVIDENCE_RETENTION_DAYS: String(deployment.evidenceRetentionDays),
      EVIDENCE_CHECKSUMS: 's3',
      PUBLIC_BASE_URL: deployment.publicBaseUrl,
      ROLES_CLAIM: identity.rolesClaim,
      AGENCY_CLAIM: identity.agencyClaim,
      UNIT_CLAIM: identity.unitClaim,
      EVENT_BUS_NAME: stateful.eventBus.eventBusName,
      IDENTITY_PROVIDER: identity.provider,
      ...(stateful.userPool ? { USER_POOL_ID: stateful.userPool.userPoolId } : {}),
    };

    const issuer =
      identity.provider === 'cognito'
        ? `https://cognito-idp.${this.region}.${this.urlSuffix}/${stateful.userPool?.userPoolId}`
        : identity.issuer;
    const audience =
      identity.provider === 'cognito' ? [stateful.userPoolClient?.userPoolClientId ?? ''] : identity.audience;
    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', issuer, {
      jwtAudience: audience,
      identitySource: ['$request.header.Authorization'],
    });

    this.api = new HttpApi(this, 'HttpApi', {
      description: '行政执法三项制度平台 HTTP API',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: ['*'],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        allowMethods: [CorsHttpMethod.ANY],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    // Anonymous routes get a quarter of a staff route's rate: a crawler or a flood of complaints
    // reaches its own limit long before the account's, which staff routes share.
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      (routeTable as RouteDef[])
        .filter((route) => route.access === 'public')
        .map((route) => [routeKey(route), { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }]),
    );

    const table = stateful.tables;
    const bucketArn = Fn.importValue(stateful.evidenceBucketArnExport);
    const evidenceObjects = `${bucketArn}/evidence/*`;
    const anchorObjects = `${bucketArn}/anchors/*`;
    const grantArchive = (fn: ProjectFunction, access: EvidenceArchiveAccess | 'write-anchors') => {
      const anchors = access === 'read-anchors' || access === 'write-anchors';
      const actions = {
        'sign-uploads': ['s3:PutObject', 's3:PutObjectRetention'],
        read: ['s3:GetObject', 's3:GetObjectVersion'],
        'legal-hold': ['s3:PutObjectLegalHold', 's3:GetObjectLegalHold'],
        'read-anchors': ['s3:GetObject', 's3:GetObjectVersion'],
        'write-anchors': ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion'],
      }[access];
      fn.addToRolePolicy(
        new PolicyStatement({ actions, resources: [anchors ? anchorObjects : evidenceObjects] }),
      );
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${stateful.evidenceBucketArnExport}/${anchors ? 'anchors' : 'evidence'}/*]`,
        reason: anchors
          ? 'Journal anchors are keyed anchors/{agencyId}/{day}.json (one per agency per day) with a mark per case, anchors/{agencyId}/cases/{caseId}/{day}.'
          : 'Evidence objects are keyed evidence/{agencyId}/{id}; the function acts on whichever the request names.',
      });
      if (anchors) {
        // The first version of an anchor is the one read, and a case's marks are listed with every version.
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['s3:ListBucketVersions'],
            resources: [bucketArn],
            conditions: { StringLike: { 's3:prefix': ['anchors/*'] } },
          }),
        );
      }
      // SSE-KMS: whoever signs an upload must be able to make a data key; readers decrypt.
      const keyActions = {
        'sign-uploads': ['kms:GenerateDataKey', 'kms:Decrypt'],
        read: ['kms:Decrypt'],
        'legal-hold': [],
        'read-anchors': ['kms:Decrypt'],
        'write-anchors': ['kms:GenerateDataKey', 'kms:Decrypt'],
      }[access];
      if (keyActions.length > 0) {
        fn.addToRolePolicy(
          new PolicyStatement({ actions: keyActions, resources: [stateful.evidenceKey.keyArn] }),
        );
      }
    };
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'EventBridge Scheduler invokes the job functions',
    });
    const jobFunctions = new Map<string, ProjectFunction>();
    for (const job of jobTable) {
      const fn = new ProjectFunction(this, constructId(job.handler), {
        entry: `functions/${job.handler}`,
        serviceName: 'jobs',
        environment,
        timeout: Duration.minutes(5),
        description: job.description,
      });
      fn.useTable(table.MAIN_TABLE, mainTable, 'read-write');
      fn.useTable(table.JOURNAL_TABLE, journalTable, 'append-only');
      if (job.archive) grantArchive(fn, job.archive);
      if (job.name === 'arrival-redrive') {
        // HEAD of an object not (yet) there answers 404 only to those who may list the bucket; 403 otherwise.
        fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucketArn] }));
      }
      jobFunctions.set(job.name, fn);
      const functionLogicalId = this.getLogicalId(fn.node.defaultChild as CfnElement);
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
        reason: 'The scheduler may invoke any version or alias of this one job function.',
      });
      new Schedule(this, `${constructId(job.name)}Schedule`, {
        scheduleGroup: stateful.scheduleGroup,
        schedule: ScheduleExpression.rate(Duration.minutes(job.everyMinutes)),
        target: new LambdaInvoke(fn, {
          role: schedulerRole,
          input: ScheduleTargetInput.fromObject({ job: job.name }),
          retryAttempts: 3,
        }),
        description: job.description,
      });
    }
    // Each publication's due date gets a one-time schedule that runs the sweep (PUB-12).
    const sweep = jobFunctions.get('publication-sweep');
    if (!sweep) throw new Error('the publication-sweep job is missing from functions/jobs.ts');
    const apiEnvironment = {
      ...environment,
      SWEEP_FUNCTION_ARN: sweep.functionArn,
      SCHEDULER_ROLE_ARN: schedulerRole.roleArn,
      SCHEDULE_GROUP: stateful.scheduleGroup.scheduleGroupName,
    };
    const grantDueDateSchedules = (fn: ProjectFunction) => {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['scheduler:CreateSchedule'],
          resources: [
            this.formatArn({
              service: 'scheduler',
              resource: 'schedule',
              resourceName: `${stateful.scheduleGroup.scheduleGroupName}/publication-*`,
            }),
          ],
        }),
      );
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['iam:PassRole'], resources: [schedulerRole.roleArn] }),
      );
      // How cdk-nag prints the ARN: unresolved region and account as pseudo parameters.
      const shown = (value: string, pseudo: string) =>
        Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value;
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${shown(this.region, 'Region')}:${shown(this.account, 'AccountId')}:schedule/${stateful.scheduleGroup.scheduleGroupName}/publication-*]`,
        reason: 'One schedule per publication, named publication-{id}, in the platform group only.',
      });
    };

    // One function per API area (a function per route would exceed CloudFormation's 500
    // resources); each gets the union of what its routes need.
    const areas = Map.groupBy(routeTable as RouteDef[], areaOf);
    for (const [area, routes] of areas) {
      const bundledFiles = routes.flatMap((route) => route.bundledFiles ?? []);
      const fn = new ProjectFunction(this, constructId(`api-${area}`), {
        entry: writeAreaEntry(area, routes),
        serviceName: area,
        environment: apiEnvironment,
        description: `API: ${area}`,
        ...(bundledFiles.length > 0 ? { bundledFiles, memorySize: 2048 } : {}),
      });
      const grants = grantsOf(routes);
      fn.useTable(table.MAIN_TABLE, mainTable, grants.main);
      if (grants.journal) fn.useTable(table.JOURNAL_TABLE, journalTable, 'append-only');
      if (grants.idempotency) fn.useTable(table.IDEMPOTENCY_TABLE, idempotencyTable, 'read-write');
      if (grants.putEvents) stateful.eventBus.grantPutEventsTo(fn);
      for (const access of grants.evidenceArchive) grantArchive(fn, access);
      if (grants.schedulesDueDates) grantDueDateSchedules(fn);
      if (grants.identities && stateful.userPool) {
        // Exactly the admin actions of shared/store/cognito-identity.ts, on this pool only.
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: [
              'cognito-idp:AdminCreateUser',
              'cognito-idp:AdminGetUser',
              'cognito-idp:AdminUpdateUserAttributes',
              'cognito-idp:AdminDeleteUserAttributes',
              'cognito-idp:AdminAddUserToGroup',
              'cognito-idp:AdminRemoveUserFromGroup',
              'cognito-idp:AdminListGroupsForUser',
              'cognito-idp:AdminDisableUser',
              'cognito-idp:AdminUserGlobalSignOut',
            ],
            resources: [stateful.userPool.userPoolArn],
          }),
        );
      }
      const integration = new HttpLambdaIntegration(`${constructId(`api-${area}`)}Integration`, fn);
      for (const route of routes) {
        const [addedRoute] = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.access === 'public' ? { authorizer: new HttpNoneAuthorizer() } : {}),
        });
        if (route.access === 'public' && addedRoute) {
          Validations.of(addedRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              'A public route of docs/api.md: it serves only published, desensitised data or accepts public complaints.',
          });
        }
      }
    }

    // The public site and the public API through CloudFront (PUB-14). Nothing stays cached longer
    // than a minute, so a withdrawn decision leaves every cached page within a minute (PUB-11);
    // pages that must be live (a certificate's status) say no-store and are not kept at all.
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', this.api.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    });
    const publicCache = new CachePolicy(this, 'PublicPagesCache', {
      comment: 'Public pages and answers: at most 60 s, every query parameter in the key',
      defaultTtl: Duration.seconds(60),
      maxTtl: Duration.seconds(60),
      minTtl: Duration.seconds(0),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const publicBehaviour = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: publicCache,
      compress: true,
    };
    const consoleHosting = new ConsoleHosting(this, 'Console', {
      apiOrigin,
      evidenceStoreOrigin: `https://${stateful.evidenceBucket.bucketRegionalDomainName}`,
      signIn:
        identity.provider === 'cognito'
          ? {
              authority: issuer,
              clientId: stateful.userPoolClient?.userPoolClientId ?? '',
              scope: 'openid profile',
              origins: [
                `https://cognito-idp.${this.region}.${this.urlSuffix}`,
                stateful.signInDomain?.baseUrl() ?? '',
              ],
            }
          : {
              authority: identity.issuer,
              clientId: identity.consoleClientId ?? identity.audience[0] ?? '',
              scope: identity.consoleScope,
              origins: [new URL(identity.issuer).origin, ...identity.consoleOrigins],
            },
    });
    this.site = new Distribution(this, 'PublicSite', {
      comment: '行政执法公示平台 public site, public API and staff console',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: { ...publicBehaviour, allowedMethods: AllowedMethods.ALLOW_GET_HEAD },
      additionalBehaviors: {
        // Public JSON, PDFs and feeds, and the complaint form's POST (never cached).
        '/public/v1/*': {
          ...publicBehaviour,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
        ...consoleHosting.behaviours,
      },
    });
    consoleHosting.deploy(this.site);
    for (const [id, reason] of [
      ['AwsSolutions-CFR1', 'Public disclosure (公示) is for everyone: no geographic restriction.'],
      [
        'AwsSolutions-CFR7',
        'The console bucket is read through an origin access identity: origin access control does not exist in the China regions.',
      ],
      [
        'AwsSolutions-CFR2',
        'Anonymous routes are throttled per route at the API stage and per address in the handlers; a WAF web ACL is attached per deployment.',
      ],
      [
        'AwsSolutions-CFR3',
        'The API stage logs every request, including those CloudFront forwards; cached pages are published data.',
      ],
      [
        'AwsSolutions-CFR4',
        'Served on the default CloudFront certificate until the deployment sets its filed (ICP) domain and certificate.',
      ],
    ] as const) {
      Validations.of(this.site).acknowledge({ id, reason });
    }
    new CfnOutput(this, 'PublicSiteUrl', {
      value: `https://${this.site.distributionDomainName}/`,
      description:
        'The public site; set the publicBaseUrl context to it (or to its own domain) so QR codes open it',
    });

    const objectCreated = new ProjectFunction(this, 'EvidenceObjectCreated', {
      entry: 'functions/evidence/object-created',
      serviceName: 'evidence',
      environment,
      timeout: Duration.minutes(15),
      memorySize: 2048,
      description: 'Verifies size and SHA-256 of each object that arrives in the evidence archive',
    });
    objectCreated.useTable(table.MAIN_TABLE, mainTable, 'read-write');
    objectCreated.useTable(table.JOURNAL_TABLE, journalTable, 'append-only');
    grantArchive(objectCreated, 'read');
    const evidenceDeadLetters = new Queue(this, 'EvidenceArrivalDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(evidenceDeadLetters).acknowledge({
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
      // An upload the verifier could not take after every retry waits in a queue, never lost.
      targets: [
        new LambdaFunction(objectCreated, { retryAttempts: 8, deadLetterQueue: evidenceDeadLetters }),
      ],
    });

    // REC-6: evidence declared a day ago that never arrived, and arrivals the verifier gave up on.
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
      metric: evidenceDeadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

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
}
