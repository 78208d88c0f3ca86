import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startApiServer } from '#local/api-server.ts';
import { CONSOLE_BASE } from '#local/console-assets.ts';
import { ensureConsoleBuilt } from '#local/console-build.ts';
import { startScheduler } from '#local/scheduler.ts';
import { DEMO_AGENCY_ID, demoUsers, seedDemoCase, seedDemoData, seedPlatformAdmin } from '#local/seed.ts';
import { startLocalStack } from '#local/stack.ts';

/**
 * `npm start`: the whole platform on one machine. DynamoDB Local and radosgw keep their data in
 * DATA_DIR (default .data/); `npm start -- --fresh` wipes it first. Ctrl-C stops every child.
 */
const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false } } });
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DATA_DIR ?? '.data');

if (values.fresh) {
  console.log(`--fresh: removing ${dataDir}`);
  await rm(dataDir, { recursive: true, force: true });
}

await ensureConsoleBuilt();
console.log('starting DynamoDB Local and the local S3 (radosgw) ...');
const stack = await startLocalStack({
  dataDir,
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
  ...(process.env.S3_ENDPOINT ? { s3Endpoint: process.env.S3_ENDPOINT } : {}),
  ...(process.env.DYNAMODB_PORT ? { dynamoDbPort: Number(process.env.DYNAMODB_PORT) } : {}),
  ...(process.env.S3_PORT ? { s3Port: Number(process.env.S3_PORT) } : {}),
});
Object.assign(process.env, stack.env);
await seedPlatformAdmin();
const seeded = await seedDemoData();
const server = await startApiServer({
  port,
  tokenSecret: stack.tokenSecret,
  host: process.env.HOST ?? '127.0.0.1',
});
const scheduler = startScheduler();
const demoCase = await seedDemoCase(server.url);

console.log(`
行政执法三项制度平台 (local) is running
  public site    ${server.url}/   (the demo agency: ${server.url}/agencies/${DEMO_AGENCY_ID})
  staff console  ${server.url}${CONSOLE_BASE}   (sign in as a demo user, e.g. 王秀兰, an officer, or as 平台管理员 to create agencies)
  API            ${server.url}   (OpenAPI: ${server.url}/openapi.json)
  DynamoDB Local ${stack.env.DYNAMODB_ENDPOINT}
  S3 (radosgw)   ${stack.env.S3_ENDPOINT}   bucket ${stack.env.EVIDENCE_BUCKET}
  data           ${dataDir}
  demo agency    ${DEMO_AGENCY_ID} (昌宁县民政局), ${seeded.officers} officers and ${seeded.checklists} lists added this start${
    demoCase
      ? `\n  demo cases     ${demoCase}: a general-procedure penalty case from registration to archive, published; a second one published and then revoked`
      : ''
  }
  try            curl -s -XPOST ${server.url}/dev/token -H 'content-type: application/json' \\
                   -d '${JSON.stringify({ ...demoUsers[0] })}'
                 curl -s ${server.url}/public/v1/officers/YN-CN-MZ-0001
Ctrl-C stops everything.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping ...`);
  scheduler.stop();
  await server.close();
  await stack.stop();
  console.log('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
