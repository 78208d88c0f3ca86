import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench:cold-start` (after `npm run synth`): each function's bundle, its size and the
 * time Node takes to load it (module evaluation: what a cold start adds to the runtime's own
 * start), against a bundle that loads only the AWS SDK clients it uses. Each load runs in a fresh
 * process, median of seven. The SDK comes from node_modules here, from the runtime in Lambda.
 */
const template = JSON.parse(readFileSync('cdk.out/EnforcementStateless.template.json', 'utf8')) as {
  Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
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
};

function loadMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const times = Array.from({ length: 7 }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env }).toString()),
  ).sort((a, b) => a - b);
  return times[3] ?? 0;
}

const SDK_CLIENTS: Record<string, string> = {
  'client-dynamodb': 'DynamoDBClient',
  'lib-dynamodb': 'DynamoDBDocumentClient',
  'client-s3': 'S3Client',
  'client-eventbridge': 'EventBridgeClient',
  'client-scheduler': 'SchedulerClient',
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
  const bundleMs = loadMs(join(process.cwd(), bundle));
  const sdkMs = loadMs(join(process.cwd(), baseline));
  rows.push(
    `| ${id.replace(/[0-9A-F]{8}$/, '')} | ${(statSync(bundle).size / 1024).toFixed(0)} KB | ${bundleMs.toFixed(0)} ms | ${sdkMs.toFixed(0)} ms | ${(bundleMs / sdkMs).toFixed(2)}x |`,
  );
  console.log(rows.at(-1));
}
console.log(
  `\n| function | bundle | load | SDK clients alone | ratio |\n| --- | ---: | ---: | ---: | ---: |\n${rows.join('\n')}`,
);
