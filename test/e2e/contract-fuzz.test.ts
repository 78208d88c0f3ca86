import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/openapi.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';

/**
 * A third party's fuzzer against the contract (issue 21): Portman (`@apideck/portman`) turns the
 * OpenAPI document the route table writes into a Postman collection with a variation of every
 * request per rule of its schema (a required field left out, a number below its minimum or above
 * its maximum, a text shorter or longer than allowed, in the body and the query), and newman sends
 * them to the local server, signed in as an agency's administrator.
 */
let api: TestApi;
let folder: string;

const every = {
  requiredFields: { enabled: true },
  minimumNumberFields: { enabled: true },
  maximumNumberFields: { enabled: true },
  minLengthFields: { enabled: true },
  maxLengthFields: { enabled: true },
};

beforeAll(async () => {
  api = await startTestApi();
  folder = mkdtempSync(join(tmpdir(), 'portman-'));
});
afterAll(async () => {
  await api?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function fuzzedRun() {
  const spec = join(folder, 'openapi.json');
  writeFileSync(spec, JSON.stringify(openApiDocument()));
  const config = join(folder, 'portman-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      version: 1.0,
      tests: {
        variationTests: [
          {
            openApiOperation: '*::/*',
            variations: [
              {
                name: 'fuzz',
                tests: { contractTests: [{ statusCode: { enabled: true, code: 400 } }] },
                fuzzing: [{ requestBody: [every], requestQueryParams: [every] }],
              },
            ],
          },
        ],
      },
      globals: { securityOverwrites: { bearer: { token: '{{bearerToken}}' } } },
    }),
  );
  const collection = join(folder, 'collection.json');
  // Run in the temporary folder: Portman keeps its working files in ./tmp of where it runs.
  execFileSync(
    join(process.cwd(), 'node_modules', '.bin', 'portman'),
    ['-l', spec, '-c', config, '-o', collection, '--includeTests', 'true', '--syncPostman', 'false'],
    { stdio: 'ignore', cwd: folder },
  );
  const token = await api.token({ sub: 'fuzz-admin', agencyId: newAgencyId(), roles: ['admin'] });
  return new Promise<newman.NewmanRunSummary>((resolve, reject) =>
    newman.run(
      {
        collection: JSON.parse(readFileSync(collection, 'utf8')),
        envVar: [
          { key: 'baseUrl', value: api.url },
          { key: 'bearerToken', value: token },
        ],
        reporters: [],
        timeoutRequest: 10_000,
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    ),
  );
}

describe('the contract under a third party’s fuzzer', { timeout: 300_000 }, () => {
  it('every variation Portman makes of every operation is refused with a 4xx the client can read, never a 5xx', async () => {
    const summary = await fuzzedRun();
    const fuzzed = summary.run.executions.filter((execution) => execution.item.name.includes('[fuzz]'));
    // A 5xx, no answer, or a refusal not in the format of docs/api.md is a fault. A site page
    // answers in HTML (its error pages are pages). A fuzzed request the API accepts is printed to
    // be read: the union of a list's item schemas lets Portman remove a field only another kind has.
    const wrong: string[] = [];
    const accepted: string[] = [];
    const byCode = new Map<number, number>();
    for (const execution of fuzzed) {
      const code = execution.response?.code ?? 0;
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
      const body = execution.response?.stream?.toString('utf8') ?? '';
      const page = body.startsWith('<!doctype html>');
      const formatted = /^\{"error":\{"code":"[A-Z_]+","message":"[^"]*[\u4e00-\u9fa5]/.test(body);
      if (code === 0 || code >= 500 || (code >= 400 && !page && !formatted))
        wrong.push(`${execution.item.name}: ${code} ${body.slice(0, 200)}`);
      else if (code < 400 && !page) accepted.push(`${execution.item.name}: ${code}`);
    }
    const operations = new Set(fuzzed.map((execution) => execution.item.name.split('[')[0]));
    console.log(
      `portman: ${fuzzed.length} fuzzed requests over ${operations.size} operations; answers ${[...byCode]
        .map(([code, count]) => `${code}×${count}`)
        .join(', ')}${accepted.length > 0 ? `\n  accepted:\n  ${accepted.join('\n  ')}` : ''}`,
    );
    expect(operations.size).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });
});
