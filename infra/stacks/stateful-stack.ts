import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import type { DeploymentContext } from '#infra/context.ts';
import { ROLES } from '#shared/kernel/principal.ts';
import { evidenceBucket } from '#shared/kernel/store/bucket-definitions.ts';
import { type TableDefinition, tableDefinitions } from '#shared/kernel/store/table-definitions.ts';

export interface StatefulStackProps extends StackProps {
  deployment: DeploymentContext;
}

/**
 * What holds data and must outlive any deployment: the tables, the WORM evidence archive, the event
 * bus, the schedule group and (with Cognito) the user pool. Everything is retained on delete, and no
 * resource has a fixed physical name.
 */
export class StatefulStack extends Stack {
  readonly tables: Record<TableDefinition['envVar'], TableV2>;
  readonly evidenceBucket: Bucket;
  readonly evidenceKey: Key;
  /** The export that carries the bucket ARN: a stable name, so IAM findings can be acknowledged exactly. */
  readonly evidenceBucketArnExport: string;
  readonly eventBus: EventBus;
  readonly scheduleGroup: ScheduleGroup;
  readonly userPool?: UserPool;
  readonly userPoolClient?: UserPoolClient;
  /** The user pool's sign-in pages and token endpoint (the console's authorization code flow). */
  readonly signInDomain?: UserPoolDomain;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const attribute = (type: 'S' | 'N') => (type === 'S' ? AttributeType.STRING : AttributeType.NUMBER);

    const tables = Object.fromEntries(
      tableDefinitions.map((definition) => [
        definition.envVar,
        new TableV2(this, `${definition.id}Table`, {
          partitionKey: { name: definition.partitionKey.name, type: attribute(definition.partitionKey.type) },
          ...(definition.sortKey
            ? { sortKey: { name: definition.sortKey.name, type: attribute(definition.sortKey.type) } }
            : {}),
          globalSecondaryIndexes: definition.indexes.map((index) => ({
            indexName: index.name,
            partitionKey: { name: index.partitionKey.name, type: attribute(index.partitionKey.type) },
            sortKey: { name: index.sortKey.name, type: attribute(index.sortKey.type) },
          })),
          billing: Billing.onDemand(),
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
          deletionProtection: true,
          removalPolicy: RemovalPolicy.RETAIN,
          ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
        }),
      ]),
    ) as Record<TableDefinition['envVar'], TableV2>;
    this.tables = tables;

    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(3 * 365) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log bucket; logging it into itself would loop.',
    });

    this.evidenceKey = new Key(this, 'EvidenceKey', {
      enableKeyRotation: true,
      description: 'Encrypts the AV evidence archive',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const lock = evidenceBucket(props.deployment.evidenceRetentionDays).objectLock;
    this.evidenceBucket = new Bucket(this, 'EvidenceBucket', {
      versioned: true,
      objectLockEnabled: true,
      ...(lock
        ? {
            objectLockDefaultRetention: ObjectLockRetention.compliance(
              Duration.days(lock.defaultRetentionDays),
            ),
          }
        : {}),
      encryption: BucketEncryption.KMS,
      encryptionKey: this.evidenceKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      removalPolicy: RemovalPolicy.RETAIN,
      // "Object Created" goes to EventBridge, where the stateless stack's rule verifies each upload.
      eventBridgeEnabled: true,
      lifecycleRules: [
        // A multipart upload a device never finished holds no evidence, only storage: gone after a week.
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // Recordings are read rarely after the case: colder classes that still answer a retrieval
        // at once (disputes, hearings), so no restore step. Object Lock holds across transitions.
        {
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) },
            { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(365) },
          ],
          noncurrentVersionTransitions: [
            { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) },
          ],
        },
      ],
      // Officers' devices and the web client PUT and GET by presigned URL.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'x-amz-version-id'],
          maxAge: 3600,
        },
      ],
    });

    this.evidenceBucketArnExport = `${this.stackName}-EvidenceBucketArn`;
    this.exportValue(this.evidenceBucket.bucketArn, { name: this.evidenceBucketArnExport });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's own custom resource that turns on the bucket's EventBridge notifications; it only writes logs with it.",
    });

    this.eventBus = new EventBus(this, 'EventBus', {
      description: 'Domain events of the enforcement platform',
    });
    this.scheduleGroup = new ScheduleGroup(this, 'ScheduleGroup', { removalPolicy: RemovalPolicy.RETAIN });

    if (props.deployment.identity.provider === 'cognito') {
      const userPool = new UserPool(this, 'UserPool', {
        selfSignUpEnabled: false,
        signInAliases: { username: true, email: true },
        passwordPolicy: {
          minLength: 12,
          requireDigits: true,
          requireLowercase: true,
          requireUppercase: true,
          requireSymbols: true,
        },
        mfa: Mfa.REQUIRED,
        mfaSecondFactor: { otp: true, sms: false },
        accountRecovery: AccountRecovery.EMAIL_ONLY,
        featurePlan: FeaturePlan.PLUS,
        standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
        // The ID token carries them as `custom:agencyId`, `custom:unitId` and `custom:certificateNo`;
        // groups are the roles. Only the accounts function writes them (AdminUpdateUserAttributes).
        customAttributes: {
          agencyId: new StringAttribute({ mutable: false, minLen: 1, maxLen: 64 }),
          // Mutable for administrators (a person moves to another unit); the app client cannot write it.
          unitId: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
          /**
           * Read by nothing: a supervisor's agencies come from the agencies' `supervisedBy` (ORG-4),
           * never from a token. Declared still because a user pool's attributes cannot be removed.
           */
          supervises: new StringAttribute({ mutable: true, minLen: 1, maxLen: 2048 }),
          /** The law-enforcement certificate the account acts under (ORG-5, PUB-5). */
          certificateNo: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
        },
        removalPolicy: RemovalPolicy.RETAIN,
        deletionProtection: true,
      });
      for (const role of ROLES) {
        new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: userPool.userPoolId, groupName: role });
      }
      this.userPool = userPool;
      // The staff console signs in with the authorization code flow and PKCE (no client secret)
      // at the public site's /console/, on the pool's own sign-in domain.
      const consoleUrl = `${props.deployment.publicBaseUrl.replace(/\/+$/, '')}/console/`;
      this.signInDomain = userPool.addDomain('SignInDomain', {
        cognitoDomain: { domainPrefix: `enforcement-${this.account}` },
      });
      this.userPoolClient = userPool.addClient('WebClient', {
        authFlows: { userSrp: true },
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
          callbackUrls: [`${consoleUrl}callback`],
          logoutUrls: [consoleUrl],
        },
        preventUserExistenceErrors: true,
        // A person cannot rewrite who they are: unit, name, agencies supervised are set by
        // administrators (AdminUpdateUserAttributes), never through the app client.
        writeAttributes: new ClientAttributes(),
        accessTokenValidity: Duration.hours(1),
        idTokenValidity: Duration.hours(1),
      });
    }
  }
}
