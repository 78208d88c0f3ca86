/**
 * `npm run bench`: what the platform's layers cost, as ratios measured in one run on this machine
 * (absolute times on a shared machine mean little). Starts its own in-memory local stack.
 *
 * - handler chain: a public certificate verification through the full middy chain and the local
 *   HTTP server, against the same read straight from the repository.
 */
import { performance } from 'node:perf_hooks';
import { startApiServer } from '#infra/local/api-server.ts';
import { startLocalStack } from '#infra/local/stack.ts';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
const stack = await startLocalStack({ publicBaseUrl: 'http://localhost:3000', log: () => undefined });
Object.assign(process.env, stack.env);
const { ports } = await import('#shared/store/repositories.ts');
const { registerOfficer, verifyCertificate } = await import('#shared/use-cases/officers.ts');
const server = await startApiServer({ port: 0, tokenSecret: stack.tokenSecret });

try {
  const principal = { sub: 'bench', name: 'bench', agencyId: 'bench-agency', roles: ['admin' as const] };
  await registerOfficer(ports, principal, {
    name: '基准',
    unitId: 'u',
    position: '科员',
    certificateNo: 'BENCH-1',
    categories: ['penalty'],
    region: '昌宁县',
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
  });

  async function time(label: string, run: () => Promise<unknown>) {
    for (let i = 0; i < 20; i += 1) await run(); // warm-up
    const start = performance.now();
    for (let i = 0; i < iterations; i += 1) await run();
    const perCall = (performance.now() - start) / iterations;
    console.log(`${label.padEnd(44)} ${perCall.toFixed(2)} ms/call`);
    return perCall;
  }

  const repository = await time('repository get (DynamoDB Local)', () =>
    ports.officers.get('bench-agency', 'BENCH-1'),
  );
  const useCase = await time('use case verifyCertificate', () =>
    verifyCertificate(ports, 'BENCH-1', 'bench-agency'),
  );
  const http = await time('HTTP GET /public/v1/officers/{no} (full chain)', async () => {
    const response = await fetch(`${server.url}/public/v1/officers/BENCH-1?agencyId=bench-agency`);
    await response.text();
  });
  console.log(`\nratios (same run, ${iterations} calls each):`);
  console.log(`  use case / repository get      ${(useCase / repository).toFixed(2)}x`);
  console.log(`  full HTTP chain / use case     ${(http / useCase).toFixed(2)}x`);
} finally {
  await server.close();
  await stack.stop();
}
