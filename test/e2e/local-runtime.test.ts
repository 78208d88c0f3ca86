import { request as httpRequest } from 'node:http';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '#functions/routes.ts';
import { grantedAccessOfAreas, runWithGrants } from '#local/granted-access.ts';
import { DEMO_AGENCY_ID, seedDemoData } from '#local/seed.ts';
import { config } from '#shared/config.ts';
import type { RouteDef } from '#shared/http/route.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

describe('the local-only routes', () => {
  it('POST /dev/token validates the claims it signs', async () => {
    const bad = await api.call('POST', '/dev/token', {
      body: { sub: 'x', agencyId: 'a', roles: ['emperor'] },
    });
    expect(bad.status).toBe(400);
    const named = bad.body.error.details.map((detail: { path: string }) => detail.path);
    expect(named).toEqual(expect.arrayContaining(['name', 'roles.0']));
  });

  it('the /dev routes answer tools on this machine only: no CORS, no page from elsewhere, no rebound host', async () => {
    const claims = { sub: 'x', name: '测试', agencyId: 'a', roles: ['admin'] };
    const elsewhere = await api.call('POST', '/dev/token', {
      body: claims,
      headers: { origin: 'https://evil.example' },
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await api.call('OPTIONS', '/dev/clock', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const sameOrigin = await api.call('POST', '/dev/token', { body: claims, headers: { origin: api.url } });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
    // A DNS-rebound name reaches this server with the attacker's host name.
    const rebound = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(
        `${api.url}/dev/token`,
        { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify(claims));
    });
    expect(rebound).toBe(403);
    // The API itself still answers web clients as API Gateway does.
    const apiRoute = await api.call('GET', '/openapi.json', { headers: { origin: 'https://evil.example' } });
    expect(apiRoute.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("a handler runs with its function's grants: the public function cannot write, only case-changing ones append to the journal", async () => {
    const { MAIN_TABLE, JOURNAL_TABLE } = config();
    const grantsOfRoute = grantedAccessOfAreas(routeTable as RouteDef[]);
    const publicRoute = routeTable.find((route) => route.handler === 'public/decisions') as RouteDef;
    const caseRoute = routeTable.find((route) => route.handler === 'cases/create-record') as RouteDef;
    const item = { pk: `GRANTS#${ulid()}`, sk: 'probe' };
    const asPublic = (work: () => Promise<unknown>) =>
      runWithGrants('public', grantsOfRoute(publicRoute), work);
    await expect(
      asPublic(() => documentClient.send(new PutCommand({ TableName: MAIN_TABLE, Item: item }))),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(
      asPublic(() => documentClient.send(new GetCommand({ TableName: MAIN_TABLE, Key: item }))),
    ).resolves.toBeDefined();
    await expect(
      runWithGrants('cases', grantsOfRoute(caseRoute), () =>
        documentClient.send(
          new UpdateCommand({
            TableName: JOURNAL_TABLE,
            Key: item,
            UpdateExpression: 'SET x = :x',
            ExpressionAttributeValues: { ':x': 1 },
          }),
        ),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('POST /dev/clock moves the clock and DELETE restores it', async () => {
    const moved = await api.call('POST', '/dev/clock', { body: { now: '2030-01-01T08:00:00+08:00' } });
    expect(moved.body.now.slice(0, 16)).toBe('2030-01-01T00:00');
    const restored = await api.call('DELETE', '/dev/clock');
    expect(Math.abs(new Date(restored.body.now).getTime() - Date.now())).toBeLessThan(60_000);
    expect((await api.call('POST', '/dev/clock', { body: { now: 'tomorrow' } })).status).toBe(400);
  });

  it('POST /dev/jobs/certificate-expiry lists certificates that end within 30 days, across agencies', async () => {
    const agencyId = newAgencyId();
    const admin = await api.token({ agencyId, roles: ['admin'] });
    const soon = officerInput({ validFrom: '2030-01-01', validTo: '2030-03-20' });
    const later = officerInput({ validFrom: '2030-01-01', validTo: '2030-09-30' });
    for (const body of [soon, later]) await api.call('POST', '/v1/officers', { token: admin, body });
    await api.call('POST', '/dev/clock', { body: { now: '2030-03-01T02:00:00Z' } });
    const run = await api.call('POST', '/dev/jobs/certificate-expiry');
    await api.call('DELETE', '/dev/clock');
    expect(run.status).toBe(200);
    expect(run.body.result.checkedOn).toBe('2030-03-01');
    const numbers = run.body.result.certificates.map(
      (certificate: { certificateNo: string }) => certificate.certificateNo,
    );
    expect(numbers).toContain(soon.certificateNo);
    expect(numbers).not.toContain(later.certificateNo);
  });

  it('an unknown job is a 404', async () => {
    expect((await api.call('POST', '/dev/jobs/no-such-job')).status).toBe(404);
  });
});

describe('web clients', () => {
  it('[REC-8] get the CORS answers API Gateway gives them, preflight included', async () => {
    const preflight = await fetch(`${api.url}/v1/officers`, {
      method: 'OPTIONS',
      headers: { origin: 'https://zfgs.example.gov.cn', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const get = await fetch(`${api.url}/openapi.json`);
    await get.arrayBuffer();
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('GET /openapi.json', () => {
  it('[REC-8] documents every route for web, mobile and platform clients, generated from the route table', async () => {
    const response = await api.call('GET', '/openapi.json');
    expect(response.status).toBe(200);
    for (const route of routeTable) {
      expect(
        response.body.paths[route.path]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
    const create = response.body.paths['/v1/officers'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'certificateNo', 'validTo']),
    );
    expect(create['x-roles']).toEqual(['admin']);
  });
});

describe('demo data', () => {
  it('loads the demo agency, its officers and every list through the import path; a second run changes nothing', async () => {
    const first = await seedDemoData();
    expect(first).toEqual({ officers: 5, checklists: 7 });
    expect(await seedDemoData()).toEqual({ officers: 0, checklists: 0 });
    const catalog = await api.call('GET', `/public/v1/agencies/${DEMO_AGENCY_ID}/checklists/review-catalog`);
    expect(catalog.body.items.map((item: { code: string }) => item.code)).toEqual([
      'R01',
      'R02',
      'R03',
      'R04',
      'R05',
      'R06',
      'R07',
      'R08',
      'R09',
    ]);
    const officers = await api.call('GET', `/public/v1/agencies/${DEMO_AGENCY_ID}/checklists/officers`);
    // 陈志强's certificate ended in 2025: the generated list leaves him out.
    expect(officers.body.items.map((item: { name: string }) => item.name)).not.toContain('陈志强');
  });
});
