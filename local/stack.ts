import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { startDynamoDbLocal } from '#local/dynamodb-local.ts';
import { createBucket, createTables } from '#local/provision.ts';
import { startRadosgw } from '#local/radosgw.ts';
import { ensureSystemPackages } from '#local/system-packages.ts';
import { evidenceBucket } from '#shared/kernel/store/bucket-definitions.ts';
import { tableDefinitions } from '#shared/kernel/store/table-definitions.ts';

export const LOCAL_EVIDENCE_BUCKET = 'evidence-archive';

/**
 * Locally, evidence is locked for one day: long enough to show that COMPLIANCE mode refuses deletes,
 * short enough not to pin a developer's disk. In AWS the retention comes from CDK context.
 */
export const LOCAL_RETENTION_DAYS = 1;

export interface LocalStackOptions {
  /** Keep data here across restarts; without it everything is in memory and thrown away on stop. */
  dataDir?: string;
  /** The URL the public verification QR codes point at. */
  publicBaseUrl: string;
  /** Use this S3 instead of starting radosgw (credentials from the usual AWS_* variables). */
  s3Endpoint?: string;
  dynamoDbPort?: number;
  s3Port?: number;
  /** Without `dataDir`: RAM for radosgw's objects (writes hang when it is full); 2 GiB if absent. */
  memstoreBytes?: number;
  log?: (line: string) => void;
}

export interface LocalStack {
  /** The variables every handler reads (shared/config.ts), plus the SDK's credentials. */
  env: Record<string, string>;
  tokenSecret: string;
  stop(): Promise<void>;
}

async function tokenSecret(dataDir: string | undefined): Promise<string> {
  if (!dataDir) return randomBytes(32).toString('hex');
  const path = join(dataDir, 'token-secret');
  if (existsSync(path)) return (await readFile(path, 'utf8')).trim();
  const secret = randomBytes(32).toString('hex');
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}

/** Starts DynamoDB Local and the local S3, creates the tables and buckets, and says how to reach them. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? console.log;
  await ensureSystemPackages(log);
  const { dataDir } = options;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const scratch = dataDir ? undefined : await mkdtemp(join(tmpdir(), 'enforcement-local-'));
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
  try {
    const [dynamo, s3] = await Promise.all([
      startDynamoDbLocal({
        ...(dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {}),
        ...(options.dynamoDbPort ? { port: options.dynamoDbPort } : {}),
      }),
      options.s3Endpoint
        ? Promise.resolve(undefined)
        : startRadosgw({
            dir: dataDir ? join(dataDir, 's3') : join(scratch ?? '', 's3'),
            store: dataDir ? 'bluestore' : 'memstore',
            ...(options.s3Port ? { port: options.s3Port } : {}),
            ...(options.memstoreBytes ? { memstoreBytes: options.memstoreBytes } : {}),
          }),
    ]);
    stops.push(dynamo.stop);
    if (s3) stops.push(s3.stop);
    const s3Endpoint = options.s3Endpoint ?? s3?.endpoint ?? '';
    const credentials = s3
      ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
      : {
          accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
          secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
        };
    // radosgw's zonegroup refuses other LocationConstraints (docs/local-s3.md), so locally we are in us-east-1.
    const region = 'us-east-1';
    const env: Record<string, string> = {
      MAIN_TABLE: 'Main',
      JOURNAL_TABLE: 'Journal',
      IDEMPOTENCY_TABLE: 'Idempotency',
      EVIDENCE_BUCKET: LOCAL_EVIDENCE_BUCKET,
      EVIDENCE_RETENTION_DAYS: String(LOCAL_RETENTION_DAYS),
      PUBLIC_BASE_URL: options.publicBaseUrl,
      ROLES_CLAIM: 'roles',
      AGENCY_CLAIM: 'agencyId',
      UNIT_CLAIM: 'unitId',
      PUSH_ALLOW_PRIVATE_TARGETS: 'true',
      // One process serves every function here: it gets the share of many instances.
      RATE_LIMIT_PER_SECOND: '5000',
      // A disabled account's next request is refused here at once (docs/architecture.md: 5 s in AWS).
      REVOCATION_CACHE_SECONDS: '0',
      SUPERVISION_CACHE_SECONDS: '0',
      // Every test and the local browser share one address: the day's count is the platform's, not theirs.
      COMPLAINTS_PER_ADDRESS_PER_DAY: '100000',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      S3_ENDPOINT: s3Endpoint,
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
    };
    const dynamoClient = new DynamoDBClient({ endpoint: dynamo.endpoint, region, credentials });
    const s3Client = new S3Client({
      endpoint: s3Endpoint,
      region,
      credentials,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    await createTables(dynamoClient, tableDefinitions);
    await createBucket(s3Client, LOCAL_EVIDENCE_BUCKET, evidenceBucket(LOCAL_RETENTION_DAYS));
    dynamoClient.destroy();
    s3Client.destroy();
    return { env, tokenSecret: await tokenSecret(dataDir), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
