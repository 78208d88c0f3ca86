import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench:cold-start` (after `npm run synth`): each function's bundle, its size and the
 * time Node takes to load it (module evaluation: what a cold start adds to the runtime's own
 * start), against a bundle that loads only the AWS SDK clients it uses. An API area evaluates a
 * route's module on its first request, so its time is the load plus that first request for the
 * area's slowest route (answered before any I/O, or failing at once on a closed port). Each
 * measure runs in a fresh process, median of seven. The SDK comes from node_modules here, from
 * the runtime in Lambda.
 */
const template = JSON.parse(readFileSync('cdk.out/EnforcementStateless.template.json', 'utf8')) as {
  Resources: Record<
    string,
    { Type: string; Properties: { Code?: { S3Key?: string }; Description?: string } }
  >;
};
const env = {
  ...process.env,
  MAIN_TABLE: 'main',
  JOURNAL_TABLE: 'journal',
  IDEMPOTENCY_TABLE: 'idempotency',
  EVIDENCE_BUCKET: 'evidence',
  PUBLIC_BASE_URL: 'https://example.cn',
  AWS_REGION: 'cn-northwest-1',
  POWERTOOLS_METRICS_NAMESPACE: 'bench',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_MAX_ATTEMPTS: '1',
};

/** Milliseconds to import `file` and, given a route key, to answer that route's first request. */
function timeOnce(file: string, routeKey?: string): number {
  const request = routeKey
    ? `const m=await import(${JSON.stringify(file)});await m.handler({routeKey:${JSON.stringify(routeKey)},rawPath:'/',headers:{},requestContext:{requestId:'bench',http:{method:'GET',path:'/',sourceIp:'127.0.0.1'}},isBase64Encoded:false},{functionName:'bench',awsRequestId:'bench',getRemainingTimeInMillis:()=>29000}).catch(()=>{});`
    : `await import(${JSON.stringify(file)});`;
  const script = `const t=performance.now();${request}console.log(performance.now()-t)`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return Number(output.toString().trim().split('\n').at(-1));
}

const median = (times: number[]): number => times.sort((a, b) => a - b)[3] ?? 0;

/** The bundle and its baseline measured in turn, so that a busy moment of the machine weighs on both. */
function medianMs(file: string, baseline: string, routeKey?: string): { bundleMs: number; sdkMs: number } {
  const bundle: number[] = [];
  const sdk: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    bundle.push(timeOnce(file, routeKey));
    sdk.push(timeOnce(baseline));
  }
  return { bundleMs: median(bundle), sdkMs: median(sdk) };
}

/** The route keys an API area's generated entry dispatches on. */
function routeKeysOf(description: string | undefined): string[] {
  const area = description?.match(/^API: (.+)$/)?.[1];
  if (!area) return [];
  const entry = readFileSync(join('.build', 'entries', `${area}.ts`), 'utf8');
  return [...entry.matchAll(/^ {2}'([A-Z]+ [^']+)':/gm)].map((match) => match[1] ?? '');
}

const SDK_CLIENTS: Record<string, string> = {
  'client-dynamodb': 'DynamoDBClient',
  'lib-dynamodb': 'DynamoDBDocumentClient',
  'client-s3': 'S3Client',
  'client-eventbridge': 'EventBridgeClient',
  'client-scheduler': 'SchedulerClient',
  'client-cognito-identity-provider': 'CognitoIdentityProviderClient',
  's3-request-presigner': 'getSignedUrl',
};

const rows: string[] = [];
for (const [id, resource] of Object.entries(template.Resources)) {
  const key = resource.Properties.Code?.S3Key;
  if (resource.Type !== 'AWS::Lambda::Function' || !key) continue;
  const bundle = join('cdk.out', `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
  if (!existsSync(bundle)) continue;
  const source = readFileSync(bundle, 'utf8');
  const clients = Object.keys(SDK_CLIENTS).filter((client) => source.includes(`@aws-sdk/${client}`));
  const baseline = join('cdk.out', `sdk-baseline-${id}.mjs`);
  writeFileSync(
    baseline,
    clients.map((client) => `import { ${SDK_CLIENTS[client]} } from '@aws-sdk/${client}';`).join('\n') +
      `\nexport const loaded = [${clients.map((client) => SDK_CLIENTS[client]).join(', ')}];\n`,
  );
  const file = join(process.cwd(), bundle);
  const routeKeys = routeKeysOf(resource.Properties.Description);
  const slowest = routeKeys
    .map((routeKey) => ({ routeKey, ms: timeOnce(file, routeKey) }))
    .sort((a, b) => b.ms - a.ms)[0]?.routeKey;
  const { bundleMs, sdkMs } = medianMs(file, join(process.cwd(), baseline), slowest);
  rows.push(
    `| ${id.replace(/[0-9A-F]{8}$/, '')}${slowest ? ` (${slowest})` : ''} | ${(statSync(bundle).size / 1024).toFixed(0)} KB | ${bundleMs.toFixed(0)} ms | ${sdkMs.toFixed(0)} ms | ${(bundleMs / sdkMs).toFixed(2)}x |`,
  );
  console.log(rows.at(-1));
}
console.log(
  `\n| function (slowest first request) | bundle | load | SDK clients alone | ratio |\n| --- | ---: | ---: | ---: | ---: |\n${rows.join('\n')}`,
);
