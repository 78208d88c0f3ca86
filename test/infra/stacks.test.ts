import { existsSync, readFileSync } from 'node:fs';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { jobTable } from '#functions/jobs.ts';
import { routeTable } from '#functions/routes.ts';
import { buildApp } from '#infra/app.ts';
import type { RouteDef } from '#shared/http/route.ts';
import { ROLES } from '#shared/kernel/principal.ts';

const cdkJson = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };

/** The app as `cdk synth` builds it, without bundling (esbuild is exercised by `npm run synth`). */
function synth(context: Record<string, unknown> = {}, env?: { account: string; region: string }) {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context } });
  if (env) {
    process.env.CDK_DEFAULT_ACCOUNT = env.account;
    process.env.CDK_DEFAULT_REGION = env.region;
  }
  const stacks = buildApp(app);
  delete process.env.CDK_DEFAULT_ACCOUNT;
  delete process.env.CDK_DEFAULT_REGION;
  return { app, ...stacks };
}

const built = synth();
const stateful = Template.fromStack(built.stateful);
const stateless = Template.fromStack(built.stateless);

describe('stateful stack', () => {
  it('tables have the keys and GSIs the repositories use, PITR, deletion protection, and are retained', () => {
    const tables = stateful.findResources('AWS::DynamoDB::GlobalTable');
    expect(Object.keys(tables)).toHaveLength(3);
    for (const table of Object.values(tables)) {
      expect(table.DeletionPolicy).toBe('Retain');
      for (const replica of table.Properties.Replicas) {
        expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
        expect(replica.DeletionProtectionEnabled).toBe(true);
      }
      expect(table.Properties.TableName).toBeUndefined();
    }
    stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'gsi1' }),
        Match.objectLike({ IndexName: 'gsi2' }),
        Match.objectLike({ IndexName: 'gsi3' }),
        Match.objectLike({ IndexName: 'gsi4' }),
      ],
    });
    stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'seq', KeyType: 'RANGE' },
      ],
    });
    stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });

  it('[REC-6] the evidence bucket is WORM: Object Lock COMPLIANCE with the retention from context, versioned, KMS, private, TLS only, logged', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: cdkJson.context.evidenceRetentionDays } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
    // Colder classes after 90 and 365 days, both answering a retrieval at once (no restore step).
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: 90 },
              { StorageClass: 'GLACIER_IR', TransitionInDays: 365 },
            ],
          }),
        ]),
      },
    });
    const custom = synth({ evidenceRetentionDays: 1825 });
    Template.fromStack(custom.stateful).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1825 } },
      },
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('has the event bus, the schedule group, and a Cognito pool whose groups are the roles', () => {
    stateful.resourceCountIs('AWS::Events::EventBus', 1);
    stateful.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    stateful.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
    stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'platform-admin' });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'calendar-admin' });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'reviewer' });
  });

  it('[REC-6] the archive aborts multipart uploads a device never finished', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('a person cannot rewrite their own unit, name or supervised agencies: the app client writes no attribute', () => {
    const clients = Object.values(stateful.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    expect(clients[0]?.Properties.WriteAttributes).toEqual([]);
    const pool = Object.values(stateful.findResources('AWS::Cognito::UserPool'))[0];
    const schema = pool?.Properties.Schema as { Name: string; Mutable: boolean }[];
    expect(schema.find((attribute) => attribute.Name === 'agencyId')?.Mutable).toBe(false);
  });
});

describe('stateless stack', () => {
  it('[REC-6] evidence that never arrived and arrivals in the dead-letter queue raise alarms', () => {
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'EvidenceUploadsStale' });
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
    });
  });

  it('[REC-6] an evidence arrival the verifier cannot take after its retries goes to a dead-letter queue', () => {
    const rules = Object.values(stateless.findResources('AWS::Events::Rule'));
    const arrival = rules.find((rule) =>
      JSON.stringify(rule.Properties.EventPattern ?? {}).includes('Object Created'),
    );
    expect(arrival?.Properties.Targets[0].DeadLetterConfig?.Arn).toBeDefined();
    stateless.resourceCountIs('AWS::SQS::Queue', 1);
  });

  it('every function runs Node.js 24 on arm64 with tracing and its own log group; one function per API area', () => {
    // CDK's own deployment-time copier of the console's files is not the platform's code.
    const functions = Object.entries(stateless.findResources('AWS::Lambda::Function'))
      .filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'))
      .map(([, fn]) => fn);
    const areas = new Set(routeTable.map((route) => route.handler.split('/')[0]));
    const apiFunctions = functions.filter((fn) => String(fn.Properties.Description).startsWith('API: '));
    expect(apiFunctions).toHaveLength(areas.size);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: expect.anything() },
      });
    }
  });

  it('[REC-3] no function may update or delete in the journal table', () => {
    const journalExport = /JournalTable/;
    const policies = Object.values(stateless.findResources('AWS::IAM::Policy'));
    let journalStatements = 0;
    for (const policy of policies) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const resources = JSON.stringify(statement.Resource);
        if (!journalExport.test(resources)) continue;
        journalStatements += 1;
        const actions = [statement.Action].flat();
        expect(actions).not.toContain('dynamodb:UpdateItem');
        expect(actions).not.toContain('dynamodb:DeleteItem');
        expect(actions).not.toContain('dynamodb:BatchWriteItem');
        expect(actions.some((action: string) => action.includes('*'))).toBe(false);
      }
    }
    expect(journalStatements).toBeGreaterThan(0);
  });

  /** The IAM statements of the function whose description is given. */
  const statementsOf = (description: string) => {
    const fn = Object.values(stateless.findResources('AWS::Lambda::Function')).find(
      (candidate) => candidate.Properties.Description === description,
    );
    expect(fn, description).toBeDefined();
    const role = fn?.Properties.Role['Fn::GetAtt'][0];
    return Object.values(stateless.findResources('AWS::IAM::Policy'))
      .filter((policy) =>
        policy.Properties.Roles.some((candidate: { Ref?: string }) => candidate.Ref === role),
      )
      .flatMap(
        (policy) =>
          policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      )
      .map((statement) => ({
        actions: [statement.Action].flat(),
        resources: JSON.stringify(statement.Resource),
      }));
  };

  it('the public function reads published data only: no write on any table, no journal, no events', () => {
    const statements = statementsOf('API: public');
    expect(statements.length).toBeGreaterThan(0);
    const actions = statements.flatMap((statement) => statement.actions);
    for (const write of [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'events:PutEvents',
    ])
      expect(actions).not.toContain(write);
    expect(statements.some((statement) => /JournalTable/.test(statement.resources))).toBe(false);
    // Complaints, the one public write, have their own function.
    expect(statementsOf('API: complaints').flatMap((statement) => statement.actions)).toContain(
      'dynamodb:PutItem',
    );
  });

  it('[REC-3] only the anchor job writes journal anchors; the cases function reads their versions; arrivals are evidence only', () => {
    const writers = Object.values(stateless.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).some(
        (statement) =>
          [statement.Action].flat().includes('s3:PutObject') &&
          JSON.stringify(statement.Resource).includes('/anchors/*'),
      ),
    );
    expect(writers).toHaveLength(1);
    expect(statementsOf('API: cases').flatMap((statement) => statement.actions)).toContain(
      's3:ListBucketVersions',
    );
    stateless.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { object: { key: [{ prefix: 'evidence/' }] } } },
    });
  });

  it('[REC-6] of the jobs, only the arrival redrive reads evidence, and it may list the bucket so a missing object is a 404', () => {
    const redrive = statementsOf(jobTable.find((job) => job.name === 'arrival-redrive')?.description ?? '');
    expect(
      redrive.some((s) => s.actions.includes('s3:GetObject') && s.resources.includes('/evidence/*')),
    ).toBe(true);
    expect(redrive.flatMap((s) => s.actions)).toContain('s3:ListBucket');
    for (const job of jobTable.filter((candidate) => candidate.name !== 'arrival-redrive')) {
      const statements = statementsOf(job.description);
      expect(
        statements.some((s) => s.resources.includes('/evidence/*')),
        job.name,
      ).toBe(false);
      expect(
        statements.flatMap((s) => s.actions),
        job.name,
      ).not.toContain('s3:ListBucket');
    }
  });

  it('anonymous routes are throttled below staff routes, each on its own', () => {
    const [stage] = Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'));
    const publicKeys = routeTable
      .filter((route) => route.access === 'public')
      .map((route) => `${route.method} ${route.path}`);
    expect(Object.keys(stage?.Properties.RouteSettings ?? {}).sort()).toEqual(publicKeys.sort());
    expect(stage?.Properties.RouteSettings[publicKeys[0] ?? '']).toEqual({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 200 });
  });

  it('[REC-3] only the functions that keep a hash-chained log (cases, accounts, agencies, supervision matters, evaluations) may append to the journal', () => {
    const journaling = new Set(
      routeTable
        .filter((route) => 'journals' in route && route.journals)
        .map((route) => route.handler.split('/')[0]),
    );
    expect([...journaling].sort()).toEqual([
      'accounts',
      'agency',
      'calendar',
      'cases',
      'evaluations',
      'evidence',
      'inspections',
      'publications',
      'reviews',
      'supervision',
    ]);
    for (const area of new Set(routeTable.map((route) => route.handler.split('/')[0]))) {
      const journal = statementsOf(`API: ${area}`).some((statement) =>
        /JournalTable/.test(statement.resources),
      );
      expect(journal, area).toBe(journaling.has(area ?? ''));
    }
  });

  it('every non-public route has the JWT authorizer, public routes have none, and no /dev route exists', () => {
    const routes = Object.values(stateless.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes).toHaveLength(routeTable.length);
    for (const route of routes) {
      const key: string = route.Properties.RouteKey;
      const path = key.split(' ')[1] ?? '';
      expect(path.startsWith('/dev')).toBe(false);
      const sitePage = (routeTable as RouteDef[]).some(
        (candidate) => candidate.page && `${candidate.method} ${candidate.path}` === key,
      );
      if (path.startsWith('/public/') || path === '/openapi.json' || sitePage)
        expect(route.Properties.AuthorizationType).toBe('NONE');
      else
        expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: expect.anything() });
    }
  });

  it('the authorizer trusts the Cognito pool by default, or an external OIDC issuer from context', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    const oidc = synth({
      identity: {
        provider: 'oidc',
        issuer: 'https://idp.example.gov.cn/realms/yn',
        audience: ['enforcement'],
        rolesClaim: 'groups',
      },
    });
    const template = Template.fromStack(oidc.stateless);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: 'https://idp.example.gov.cn/realms/yn', Audience: ['enforcement'] },
    });
    Template.fromStack(oidc.stateful).resourceCountIs('AWS::Cognito::UserPool', 0);
    const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0];
    expect(fn?.Properties.Environment.Variables.ROLES_CLAIM).toBe('groups');
  });

  it('[REC-6] every upload to the evidence archive is verified: an EventBridge rule sends Object Created to its function', () => {
    stateful.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: { EventBridgeConfiguration: {} },
    });
    stateless.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.s3'], 'detail-type': ['Object Created'] },
    });
    const statements = Object.values(stateless.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[],
    );
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    expect(actions).toEqual(
      expect.arrayContaining(['s3:PutObjectRetention', 's3:GetObjectVersion', 's3:PutObjectLegalHold']),
    );
    expect(actions).not.toContain('s3:DeleteObject');
    expect(actions).not.toContain('s3:DeleteObjectVersion');
    expect(actions).not.toContain('s3:BypassGovernanceRetention');
  });

  it('[PUB-12] the functions that issue decisions and load calendars may create due-date schedules', () => {
    const functions = Object.entries(stateless.findResources('AWS::Lambda::Function'));
    const reviews = functions.find(([, fn]) => fn.Properties.Description === 'API: reviews');
    expect(reviews?.[1].Properties.Environment.Variables).toHaveProperty('SWEEP_FUNCTION_ARN');
    const policies = Object.values(stateless.findResources('AWS::IAM::Policy'));
    const scheduling = policies.filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('scheduler:CreateSchedule'),
    );
    expect(scheduling).toHaveLength(2);
    for (const policy of scheduling)
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('iam:PassRole');
  });

  it('[PUB-12] an overdue publication raises a CloudWatch alarm', () => {
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'PublicationsOverdue',
      Namespace: 'EnforcementPlatform',
      Threshold: 1,
    });
  });

  it('[PUB-14] [PUB-11] the public site is served through CloudFront from the API, cached a minute at most, compressed', () => {
    stateless.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        MaxTTL: 60,
        DefaultTTL: 60,
        MinTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          EnableAcceptEncodingBrotli: true,
        }),
      }),
    });
    const [distribution] = Object.values(stateless.findResources('AWS::CloudFront::Distribution'));
    const config = distribution?.Properties.DistributionConfig;
    expect(JSON.stringify(config.Origins[0].DomainName)).toContain('HttpApi');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
      AllowedMethods: ['GET', 'HEAD'],
    });
    const publicApi = config.CacheBehaviors.find(
      (behaviour: { PathPattern: string }) => behaviour.PathPattern === '/public/v1/*',
    );
    expect(publicApi.AllowedMethods).toContain('POST');
    stateless.hasOutput('PublicSiteUrl', {});
  });

  it('[REC-8] the staff console is served from a private bucket at /console/, with the staff API on the same origin, never cached across tokens', () => {
    const [distribution] = Object.values(stateless.findResources('AWS::CloudFront::Distribution'));
    const behaviours = distribution?.Properties.DistributionConfig.CacheBehaviors as {
      PathPattern: string;
      AllowedMethods: string[];
      CachePolicyId: unknown;
      TargetOriginId: string;
    }[];
    const consoleFiles = behaviours.find((behaviour) => behaviour.PathPattern === '/console*');
    const staffApi = behaviours.find((behaviour) => behaviour.PathPattern === '/v1/*');
    expect(consoleFiles).toBeDefined();
    expect(staffApi?.AllowedMethods).toContain('POST');
    expect(staffApi?.TargetOriginId).not.toBe(consoleFiles?.TargetOriginId);
    stateless.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        MaxTTL: 1,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
        }),
      }),
    });
    // Its own code and WebAssembly (the SHA-256 of evidence), and the evidence store for uploads.
    const [headers] = Object.values(stateless.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(headers?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain('EvidenceBucket');
    expect(csp).toContain("frame-ancestors 'none'");
    stateless.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicAcls: true,
        RestrictPublicBuckets: true,
      }),
      BucketEncryption: Match.anyValue(),
    });
    // The built files are uploaded when there is a build; without one the stack says so.
    if (existsSync('console/dist/index.html'))
      expect(Object.keys(stateless.findResources('Custom::CDKBucketDeployment'))).toHaveLength(1);
    else
      expect(
        JSON.stringify(Annotations.fromStack(built.stateless).findWarning('*', Match.anyValue())),
      ).toContain('console-not-built');
  });

  it('[REC-8] staff sign in to the console with the authorization code flow and PKCE, on the pool the deployment made, and the console is told which at deploy', () => {
    const [client] = Object.values(stateful.findResources('AWS::Cognito::UserPoolClient'));
    expect(client?.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'profile'],
      CallbackURLs: [`${String(cdkJson.context.publicBaseUrl).replace(/\/+$/, '')}/console/callback`],
    });
    expect(client?.Properties.GenerateSecret).not.toBe(true);
    stateful.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    // The client id exists only once deployed: config.json is written at deployment, not built in.
    if (existsSync('console/dist/index.html')) {
      const [deployment] = Object.values(stateless.findResources('Custom::CDKBucketDeployment'));
      expect(JSON.stringify(deployment?.Properties.SourceMarkers)).toContain('WebClient');
    }
    // The browser may call the identity platform, and nothing else new.
    const [headers] = Object.values(stateless.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(headers?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig);
    expect(csp).toContain('https://cognito-idp.');
    expect(csp).toContain('SignInDomain');
  });

  it('schedules each job in the schedule group with a dedicated role', () => {
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      Target: Match.objectLike({
        Input: JSON.stringify({ job: 'publication-sweep' }),
        RoleArn: Match.anyValue(),
      }),
    });
  });
});

describe('partitions and cdk-nag', () => {
  it('synthesises for aws-cn (Beijing) with ARNs built from the partition', () => {
    const china = synth(
      { identity: { provider: 'oidc', issuer: 'https://idp.example.gov.cn', audience: ['enforcement'] } },
      { account: '123456789012', region: 'cn-north-1' },
    );
    const templates = [Template.fromStack(china.stateful), Template.fromStack(china.stateless)];
    const text = JSON.stringify(templates.map((template) => template.toJSON()));
    expect(text).not.toMatch(/arn:aws:/);
    expect(text).toContain('AWS::Partition');
  });

  it('AwsSolutions checks pass with zero unacknowledged findings', () => {
    const fresh = synth();
    expect(() => fresh.app.synth()).not.toThrow();
  });

  it('the checks are active: an unencrypted, unlogged bucket is a finding', () => {
    const app = new App();
    const stack = new Stack(app, 'Probe');
    new Bucket(stack, 'Careless');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });
});
