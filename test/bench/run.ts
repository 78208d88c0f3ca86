/**
 * `npm run bench`: what the platform's layers cost, as ratios measured in one run on this machine
 * (absolute times on a shared machine mean little). Starts its own in-memory local stack.
 *
 * - Handler overhead: five operations through the local HTTP server and the full middy chain;
 *   the Lambda handler's time (the server's `Server-Timing`) and the time of the DynamoDB calls it
 *   made (an SDK middleware records them; calls made side by side count once); the ratio of the
 *   two at p50 and p99 is what the platform adds around its storage. The HTTP round trip through
 *   the local server, which API Gateway does in AWS, is shown beside it.
 * - The ACCOUNT_DISABLED check (ORG-5): memory within the revocation cache period, one GetItem
 *   when it runs out; a supervisor's agencies (ORG-4) likewise, one Query of its body's index.
 * - Growth with history: `GET /v1/stats`, the case list and the draft annual report at 10, 100 and 1,000 cases of one
 *   agency, each divided by its time at 10 (flat is 1).
 */
import { performance } from 'node:perf_hooks';
import { startLocalStack } from '#local/stack.ts';
import { quantile } from '#test/bench/quantile.ts';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
const stack = await startLocalStack({ publicBaseUrl: 'http://localhost:3000', log: () => undefined });
Object.assign(process.env, stack.env);
// The platform's modules read their configuration on import: only once the stack's is set.
const { dynamoClient } = await import('#shared/kernel/store/clients.ts');
const { startApiServer } = await import('#local/api-server.ts');
const { DEMO_AGENCY_ID, seedDemoData } = await import('#local/seed.ts');
const server = await startApiServer({ port: 0, tokenSecret: stack.tokenSecret });

// The DynamoDB calls an operation makes, as intervals: calls made side by side count once.
let storageCalls: [number, number][] = [];
const storageMs = () => {
  let total = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [start, end] of [...storageCalls].sort((a, b) => a[0] - b[0])) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
};
dynamoClient.middlewareStack.add(
  (next) => async (args) => {
    const start = performance.now();
    try {
      return await next(args);
    } finally {
      storageCalls.push([start, performance.now()]);
    }
  },
  { step: 'initialize', name: 'benchStorageTime' },
);

// Capacity units and calls of one whole case (the cost model, docs/cost.md): every DynamoDB call
// asks for its consumed capacity while `costing` is on; S3 calls are counted by name.
const CAPACITY_COMMANDS = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
  'TransactGetItemsCommand',
]);
let costing = false;
const cost = { dynamoCalls: 0, readUnits: 0, writeUnits: 0, s3Calls: 0, apiCalls: 0, apiMs: 0 };
type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };
dynamoClient.middlewareStack.add(
  (next, context) => async (args) => {
    if (!costing || !CAPACITY_COMMANDS.has(context.commandName ?? '')) return next(args);
    (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
    const writes = /Put|Update|Delete|Write/.test(context.commandName ?? '');
    cost.dynamoCalls += 1;
    for (const item of [consumed ?? []].flat()) {
      const units = item.CapacityUnits ?? 0;
      if (writes) cost.writeUnits += item.WriteCapacityUnits ?? units;
      else cost.readUnits += item.ReadCapacityUnits ?? units;
    }
    return result;
  },
  { step: 'initialize', name: 'benchCapacity' },
);
const { s3Client } = await import('#shared/kernel/store/clients.ts');
s3Client.middlewareStack.add(
  (next) => async (args) => {
    if (costing) cost.s3Calls += 1;
    return next(args);
  },
  { step: 'initialize', name: 'benchS3Calls' },
);

/** What the last request's Lambda handler took (the local server's `Server-Timing`). */
let handlerMs = Number.NaN;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  handlerMs = Number(
    /handler;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN,
  );
  if (costing && path !== '/dev/token') {
    cost.apiCalls += 1;
    cost.apiMs += performance.now() - started;
  }
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

try {
  const officers = ['BENCH-A', 'BENCH-B'];
  /** A fresh agency with its two officers; the officer token belongs to the first of them. */
  async function agencyWithOfficers(agencyId: string) {
    const token = async (sub: string, roles: string[]) =>
      (await call('POST', '/dev/token', undefined, { sub, name: sub, agencyId, unitId: 'u1', roles }))
        .token as string;
    const admin = await token('bench-admin', ['admin']);
    for (const [index, certificateNo] of officers.entries()) {
      await call('POST', '/v1/officers', admin, {
        name: `基准${index}`,
        unitId: 'u1',
        position: '科员',
        certificateNo,
        userId: index === 0 ? 'bench-officer' : 'bench-colleague',
        categories: ['penalty'],
        region: '昌宁县',
        // A certificate runs at most five years (PUB-5): this year's and the next four.
        validFrom: `${new Date().getUTCFullYear()}-01-01`,
        validTo: `${new Date().getUTCFullYear() + 4}-12-31`,
      });
    }
    return { admin, officer: await token('bench-officer', ['officer']) };
  }
  const agencyId = `bench-${Date.now().toString(36)}`;
  const { officer } = await agencyWithOfficers(agencyId);
  const caseBody = (n: number) => ({
    category: 'penalty',
    procedure: 'simple',
    title: `基准案件 ${n}`,
    party: { kind: 'organization', name: `某机构${n}`, idNumber: '52530524MJ0000000Q' },
    officers,
  });
  const registered: string[] = [];
  let n = 0;

  async function measure(label: string, prepare: () => Promise<() => Promise<unknown>>) {
    const ratios: number[] = [];
    const handlerRatios: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < iterations + 10; i += 1) {
      const run = await prepare();
      storageCalls = [];
      const start = performance.now();
      await run();
      const total = performance.now() - start;
      if (i < 10) continue; // warm-up
      const storage = Math.max(storageMs(), 0.001);
      totals.push(total);
      ratios.push(total / storage);
      handlerRatios.push(handlerMs / storage);
    }
    console.log(
      `${label.padEnd(38)} p50 ${quantile(totals, 0.5).toFixed(1).padStart(6)} ms  p99 ${quantile(totals, 0.99).toFixed(1).padStart(6)} ms  ` +
        `handler/DynamoDB p50 ${quantile(handlerRatios, 0.5).toFixed(2)}x  p99 ${quantile(handlerRatios, 0.99).toFixed(2)}x  ` +
        `(round trip ${quantile(ratios, 0.5).toFixed(2)}x, ${quantile(ratios, 0.99).toFixed(2)}x)`,
    );
  }

  console.log(
    `handler overhead: the Lambda handler's time / its DynamoDB calls' (the HTTP round trip through the local server in brackets; ${iterations} calls each, same run)`,
  );
  await measure('register case', async () => async () => {
    n += 1;
    registered.push((await call('POST', '/v1/cases', officer, caseBody(n))).id);
  });
  await measure('add record', async () => {
    const caseId = registered[n % registered.length];
    return () =>
      call('POST', `/v1/cases/${caseId}/records`, officer, {
        type: 'closing-report',
        title: '结案报告',
        fields: { summary: '略', result: '结案' },
      });
  });
  await measure('issue decision (simple procedure)', async () => {
    n += 1;
    const { id } = await call('POST', '/v1/cases', officer, caseBody(n));
    await call('POST', `/v1/cases/${id}/activities`, officer, {
      type: 'interview',
      officers,
      location: '执法大队',
    });
    return () =>
      call('POST', `/v1/cases/${id}/decision`, officer, {
        type: 'penalty',
        summary: '给予警告',
        legalBasis: '第三十条',
        penalty: { kind: 'warning' },
      });
  });
  await call('POST', '/dev/jobs/publication-sweep');
  await measure(
    'public decision list',
    async () => () => call('GET', `/public/v1/agencies/${agencyId}/decisions?limit=20`),
  );
  await measure(
    'certificate verification',
    async () => () => call('GET', `/public/v1/officers/BENCH-A?agencyId=${agencyId}`),
  );

  // ORG-5: every authenticated request asks whether its account was disabled. In AWS the agency's
  // revocation item is read once per REVOCATION_CACHE_SECONDS (5 s) per instance and memory
  // answers in between; this machine reads it on every request (0 s).
  console.log(
    '\nACCOUNT_DISABLED check: cached (AWS, 5 s) vs read (one GetItem, as this machine does every request)',
  );
  const { isRevoked } = await import('#shared/http/revocations.ts');
  const { admin: revocationAdmin } = await agencyWithOfficers(`${agencyId}-revocations`);
  await call('PUT', '/v1/agency', revocationAdmin, {
    name: '基准机关',
    region: '昌宁县',
    units: [{ id: 'u1', name: '一股' }],
  });
  const leaver = await call('POST', '/v1/users', revocationAdmin, {
    name: '离职人员',
    unitId: 'u1',
    roles: ['officer'],
  });
  await call('POST', `/v1/users/${leaver.userId}/disable`, revocationAdmin);
  const principal = {
    sub: leaver.userId as string,
    name: '离职人员',
    agencyId: `${agencyId}-revocations`,
    roles: ['officer' as const],
  };
  /** Times of `check` run `count` times with the cache period `periodSeconds`. */
  const checkTimes = async (
    count: number,
    periodSeconds: number,
    check: (period: number) => Promise<void>,
  ) => {
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const start = performance.now();
      await check(periodSeconds);
      times.push(performance.now() - start);
    }
    return times;
  };
  /** The check from memory and read each time, and what the read costs a request in AWS. */
  const cachedAgainstRead = async (
    readLabel: string,
    per: string,
    check: (period: number) => Promise<void>,
  ) => {
    await checkTimes(50, 0, check); // warm-up
    const read = await checkTimes(iterations, 0, check);
    const cached = await checkTimes(iterations * 50, 5, check);
    const readP50 = quantile(read, 0.5);
    console.log(
      `${'cached (memory)'.padEnd(38)} p50 ${(quantile(cached, 0.5) * 1000).toFixed(1).padStart(6)} µs  p99 ${(quantile(cached, 0.99) * 1000).toFixed(1).padStart(6)} µs\n` +
        `${readLabel.padEnd(38)} p50 ${readP50.toFixed(2).padStart(6)} ms  p99 ${quantile(read, 0.99).toFixed(2).padStart(6)} ms  ` +
        `(one per ${per} per instance per 5 s in AWS: at 10 requests/s that is ${(readP50 / 50).toFixed(3)} ms a request)`,
    );
  };
  await cachedAgainstRead('read (GetItem)', 'agency', async (period) => {
    if (!(await isRevoked(principal, Date.now(), period))) throw new Error('the leaver passed');
  });

  // ORG-4: a supervisor's agencies are those whose supervisedBy names its body, one Query of the
  // body's supervision index, cached like the revocation item (SUPERVISION_CACHE_SECONDS, 5 s);
  // only a supervisor's requests make it. The body supervises 30 agencies, as a county's does.
  console.log(
    '\nsupervised agencies: cached (AWS, 5 s) vs read (one Query of 30 index items, as this machine does every request)',
  );
  const { withSupervised } = await import('#shared/http/supervisions.ts');
  const { ports } = await import('#shared/repositories.ts');
  const bureau = `${agencyId}-bureau`;
  for (let n = 0; n < 30; n += 1) {
    await ports.agencies.create({
      agencyId: `${agencyId}-supervised-${n}`,
      name: `基准被监督机关 ${n}`,
      region: '昌宁县',
      units: [],
      supervisedBy: [bureau],
      updatedAt: new Date().toISOString(),
      updatedBy: 'bench',
    });
  }
  const supervisor = {
    sub: 'bench-supervisor',
    name: '监督员',
    agencyId: bureau,
    roles: ['supervisor' as const],
  };
  await cachedAgainstRead('read (Query)', 'supervisory body', async (period) => {
    const { supervises = [] } = await withSupervised(supervisor, Date.now(), period);
    if (supervises.length !== 30) throw new Error(`the body supervises ${supervises.length}`);
  });

  console.log('\ngrowth with history: time at N cases / time at 10 cases, one fresh agency');
  const growth = await agencyWithOfficers(`${agencyId}-growth`);
  const year = new Date().getUTCFullYear();
  const reads = {
    'GET /v1/stats': `/v1/stats?from=${year}-01-01&to=${year}-12-31`,
    'GET /v1/cases?limit=50': '/v1/cases?limit=50',
    'public annual report (draft)': `/public/v1/agencies/${agencyId}-growth/annual-reports/${year}`,
  };
  const baseline: Record<string, number> = {};
  let cases = 0;
  for (const size of [10, 100, 1000]) {
    while (cases < size) {
      cases += 1;
      await call('POST', '/v1/cases', growth.officer, caseBody(cases));
    }
    for (const [label, path] of Object.entries(reads)) {
      const times: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        const start = performance.now();
        await call('GET', path, growth.admin);
        times.push(performance.now() - start);
      }
      const p50 = quantile(times, 0.5);
      baseline[label] ??= p50;
      console.log(
        `${label.padEnd(30)} ${String(size).padStart(4)} cases  p50 ${p50.toFixed(1).padStart(7)} ms  ${(p50 / (baseline[label] ?? p50)).toFixed(1)}x`,
      );
    }
  }

  console.log(
    '\na whole case: the demo penalty case, registration to archive and publication (docs/cost.md)',
  );
  await seedDemoData();
  const { walkPenaltyCase, publishDecisionNow } = await import('#local/demo/penalty-case.ts');
  const client = {
    call: async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
      try {
        return { status: 200, text: '', body: await call(method, path, options.token, options.body) };
      } catch (error) {
        return { status: 500, text: String(error), body: undefined };
      }
    },
    token: async (principal: object) =>
      (await call('POST', '/dev/token', undefined, principal)).token as string,
  };
  costing = true;
  const walked = await walkPenaltyCase(client, {
    agencyId: DEMO_AGENCY_ID,
    unitId: 'shswg',
    officers: ['YN-CN-MZ-0002', 'YN-CN-MZ-0001'],
    handler: 'demo-officer',
    reviewer: 'demo-reviewer',
    admin: 'demo-admin',
    matterId: 'MZ-CF-002',
  });
  const admin = await client.token({
    sub: 'demo-admin',
    name: '管理员',
    agencyId: DEMO_AGENCY_ID,
    roles: ['admin'],
  });
  await publishDecisionNow(client, walked.caseId, admin);
  costing = false;
  console.log(
    `API calls ${cost.apiCalls}, handler time ${cost.apiMs.toFixed(0)} ms in all; DynamoDB calls ${cost.dynamoCalls}, ` +
      `read units ${cost.readUnits.toFixed(1)}, write units ${cost.writeUnits.toFixed(1)}; S3 calls ${cost.s3Calls}`,
  );
} finally {
  await server.close();
  await stack.stop();
}
