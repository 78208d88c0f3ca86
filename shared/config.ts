import * as z from 'zod';

/**
 * The runtime configuration of every function and of the local runtime, read from the environment.
 * Parsed once, at cold start: a missing or malformed variable fails the function before it serves.
 */
const ConfigSchema = z.object({
  MAIN_TABLE: z.string().min(1),
  JOURNAL_TABLE: z.string().min(1),
  IDEMPOTENCY_TABLE: z.string().min(1),
  EVIDENCE_BUCKET: z.string().min(1),
  PUBLIC_BASE_URL: z.url(),
  /** COMPLIANCE retention signed into each evidence upload, in days. */
  EVIDENCE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(3650),
  /** JWT claim names: Cognito puts groups in `cognito:groups`; an external OIDC issuer may differ. */
  ROLES_CLAIM: z.string().min(1).default('roles'),
  AGENCY_CLAIM: z.string().min(1).default('agencyId'),
  UNIT_CLAIM: z.string().min(1).default('unitId'),
  /**
   * Whether an agency's push target may be plain http or an internal address: only on one machine,
   * where the other platform is a local test server. In AWS never (no blind SSRF).
   */
  PUSH_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false']).default('false'),
  /**
   * Requests a second each function instance serves one agency (staff) or one address
   * (anonymous), with bursts of three times that: one tenant cannot take an instance from all.
   */
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(50),
  /** Complaints one address may file a day (SUP-1): a flood from one place stops at the count. */
  COMPLAINTS_PER_ADDRESS_PER_DAY: z.coerce.number().int().positive().default(10),
  /**
   * The one-time EventBridge Scheduler schedule at each publication's due date: the sweep function,
   * the role the scheduler uses and the group. Unset on one machine, where the 15-minute sweep runs.
   */
  SWEEP_FUNCTION_ARN: z.string().min(1).optional(),
  SCHEDULER_ROLE_ARN: z.string().min(1).optional(),
  SCHEDULE_GROUP: z.string().min(1).optional(),
  /** The platform's EventBridge bus; unset on one machine, where events stay in process. */
  EVENT_BUS_NAME: z.string().min(1).optional(),
  /**
   * How an arrived recording's SHA-256 is checked: `s3`, from the checksums S3 verified as the
   * bytes came in (AWS: no evidence byte passes through a function); `hash`, by reading the bytes
   * (one machine, where radosgw ignores checksums: docs/local-s3.md).
   */
  EVIDENCE_CHECKSUMS: z.enum(['s3', 'hash']).default('hash'),
  /**
   * Where staff accounts sign in (ORG-5): a Cognito user pool (`USER_POOL_ID`), the province's OIDC
   * platform (accounts mapped, not created), or the local identity store on one machine.
   */
  IDENTITY_PROVIDER: z.enum(['local', 'cognito', 'oidc']).default('local'),
  USER_POOL_ID: z.string().min(1).optional(),
  /**
   * How long an instance trusts its copy of an agency's disabled accounts: a disabled account's
   * token may pass for at most this long after the disable. 0 on one machine (read every request).
   */
  REVOCATION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  /**
   * How long an instance trusts its copy of a supervisory body's agencies (ORG-4): a body the
   * platform administrator removes from an agency's `supervisedBy` reads it for at most this long.
   * 0 on one machine (read every request of a supervisor).
   */
  SUPERVISION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  /** Set only on one machine: DynamoDB Local and the local S3 server. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
});

export type Config = z.infer<typeof ConfigSchema>;

let cached: Config | undefined;

export function config(): Config {
  cached ??= ConfigSchema.parse(process.env);
  return cached;
}
