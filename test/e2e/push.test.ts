import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodePushHttp } from '#shared/events/push-http.ts';
import { ValidationFailed } from '#shared/kernel/errors.ts';
import { transactItemOf } from '#shared/kernel/store/child-write.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { signature } from '#shared/recording/domain/push.ts';
import { deliverDue, deliveryWrites, setPushTarget } from '#shared/recording/use-cases/push.ts';
import { ports } from '#shared/repositories.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const officers = [officerInput({ userId: 'push-a' }), officerInput()];
const secret = 'shared-secret-of-the-province-platform';

/** The province's platform, on loopback: fails while `failing` is set, checks every signature. */
const received: { body: Record<string, unknown>; signed: boolean }[] = [];
let failing = true;
const platform = createServer(async (req: IncomingMessage, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  const timestamp = String(req.headers['x-platform-timestamp']);
  const signed = req.headers['x-platform-signature'] === signature(secret, timestamp, body);
  if (failing) {
    res.writeHead(503).end();
    return;
  }
  received.push({ body: JSON.parse(body), signed });
  res.writeHead(204).end();
});

beforeAll(async () => {
  platform.listen(0, '127.0.0.1');
  await once(platform, 'listening');
  api = await startTestApi();
  t.admin = await api.token({ sub: 'admin', agencyId, roles: ['admin'] });
  t.handler = await api.token({ sub: 'push-a', agencyId, roles: ['officer'] });
  for (const body of officers) await api.call('POST', '/v1/officers', { token: t.admin, body });
  const url = `http://127.0.0.1:${(platform.address() as AddressInfo).port}/publicity`;
  expect((await api.call('PUT', '/v1/push-target', { token: t.admin, body: { url, secret } })).status).toBe(
    200,
  );
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
  platform.close();
});

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function decidedCase() {
  const created = await api.call('POST', '/v1/cases', {
    token: t.handler,
    body: {
      category: 'penalty',
      procedure: 'simple',
      title: '推送测试案',
      party: { kind: 'organization', name: '某社会组织', idNumber: '51530524MJ0000000U' },
      officers: officers.map((officer) => officer.certificateNo),
    },
  });
  for (const to of ['investigating', 'pending-decision']) {
    await api.call('POST', `/v1/cases/${created.body.id}/transitions`, { token: t.handler, body: { to } });
  }
  const decided = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
    token: t.handler,
    body: { type: 'penalty', summary: '警告', legalBasis: '依据', penalty: { kind: 'warning' } },
  });
  return { caseId: created.body.id as string, publicationId: decided.body.publication.id as string };
}

describe('outbound push to another platform', () => {
  it('[ORG-2] [REC-8] a publication is published locally even while the platform is down; pushes retry, become dead letters, and replay', async () => {
    const { caseId, publicationId } = await decidedCase();
    const publish = await api.call('POST', `/v1/publications/${publicationId}/publish`, { token: t.admin });
    expect(publish.status).toBe(200);
    expect((await api.call('GET', `/public/v1/publications/${publicationId}`)).status).toBe(200);

    let deadId: string | undefined;
    const start = Date.now();
    for (let attempt = 0; attempt < 6 && !deadId; attempt += 1) {
      // Each retry waits 2^(n-1) minutes: move the clock past it.
      await api.call('POST', '/dev/clock', {
        body: { now: new Date(start + 2 ** attempt * 60 * 60_000).toISOString() },
      });
      await api.call('POST', '/dev/jobs/push-deliveries');
      const dead = await api.call('GET', '/v1/push/dead-letters', { token: t.admin });
      deadId = dead.body.items.find(
        (item: { publicationId: string }) => item.publicationId === publicationId,
      )?.id;
    }
    await api.call('DELETE', '/dev/clock');
    expect(deadId).toBeTruthy();
    expect((await api.call('GET', `/public/v1/publications/${publicationId}`)).body.status).toBeUndefined();

    failing = false;
    const replayed = await api.call('POST', `/v1/push/dead-letters/${deadId}/replay`, { token: t.admin });
    expect(replayed.body).toMatchObject({ status: 'pending', attempts: 0 });
    await api.call('POST', '/dev/jobs/push-deliveries');
    const published = received.find((delivery) => delivery.body.publicationId === publicationId);
    expect(published).toMatchObject({ signed: true, body: { event: 'publication.published', agencyId } });

    await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: '复议撤销', effectiveOn: today() },
    });
    await api.call('POST', '/dev/jobs/push-deliveries');
    const withdrawn = received.find(
      (delivery) =>
        delivery.body.publicationId === publicationId && delivery.body.event === 'publication.withdrawn',
    );
    expect(withdrawn?.signed).toBe(true);
    expect(JSON.stringify(withdrawn?.body.data)).toContain('复议撤销');
  });
});

describe("one agency's platform does not hold up another's", () => {
  it('[ORG-2] a platform that never answers costs its agency one timeout a run; the others are delivered', async () => {
    // Agency B's platform accepts the connection and never answers.
    let hangingRequests = 0;
    const hanging = createServer(() => {
      hangingRequests += 1;
    });
    hanging.listen(0, '127.0.0.1');
    await once(hanging, 'listening');
    const slowAgency = newAgencyId();
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/publicity`;
    await ports.push.putTarget(slowAgency, { url, secret, timeoutSeconds: 1 });
    const writes = [];
    for (let n = 0; n < 3; n += 1)
      writes.push(
        ...(await deliveryWrites(ports, slowAgency, 'publication.published', `slow-${n}`, { n })).map(
          transactItemOf,
        ),
      );
    writes.push(
      ...(await deliveryWrites(ports, agencyId, 'publication.published', 'prompt-1', { n: 1 })).map(
        transactItemOf,
      ),
    );
    await documentClient.send(new TransactWriteCommand({ TransactItems: writes }));
    failing = false;
    try {
      const run = await deliverDue(ports);
      expect(hangingRequests).toBe(1);
      const slowIds = writes
        .map((write) => write.Put?.Item as { id: string; agencyId: string } | undefined)
        .filter((item) => item?.agencyId === slowAgency)
        .map((item) => item?.id);
      expect(slowIds).toHaveLength(3);
      const timedOut = run.failed.filter((id) => slowIds.includes(id));
      expect(timedOut).toHaveLength(1);
      expect((await ports.push.get(timedOut[0] ?? ''))?.lastError).toBe('对接平台响应超时');
      expect(run.deferred.filter((id) => slowIds.includes(id))).toHaveLength(2);
      expect(received.some((delivery) => delivery.body.publicationId === 'prompt-1')).toBe(true);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});

describe('push targets, resolved once and checked', () => {
  /** The agency's only delivery, written as a publication writes it. */
  async function oneDelivery(agency: string, url: string) {
    await ports.push.putTarget(agency, { url, secret, timeoutSeconds: 2 });
    const writes = (await deliveryWrites(ports, agency, 'publication.published', `pub-${agency}`, {})).map(
      transactItemOf,
    );
    await documentClient.send(new TransactWriteCommand({ TransactItems: writes }));
    return String(writes[0]?.Put?.Item?.id);
  }

  it('[ORG-2] an IPv6 platform is delivered to, by literal and by a name whose checked address the socket connects to (no second lookup)', async () => {
    const v6 = createServer(async (req, res) => {
      for await (const _ of req);
      res.writeHead(204).end();
    });
    v6.listen(0, '::1');
    await once(v6, 'listening');
    const port = (v6.address() as AddressInfo).port;
    try {
      const literal = await oneDelivery(newAgencyId(), `http://[::1]:${port}/publicity`);
      // A name no DNS knows: only the resolver's checked answer can lead the socket to ::1.
      const name = 'platform.push-check.invalid';
      const named = await oneDelivery(newAgencyId(), `http://${name}:${port}/publicity`);
      const resolved: string[] = [];
      const http = nodePushHttp(
        () => true,
        async (host) => {
          resolved.push(host);
          return host === name ? ['::1'] : [];
        },
      );
      const run = await deliverDue({ ...ports, http });
      expect(run.delivered).toEqual(expect.arrayContaining([literal, named]));
      expect(resolved.filter((host) => host === name)).toEqual([name]);
      expect((await ports.push.get(named))?.status).toBe('delivered');
    } finally {
      v6.close();
    }
  });

  it('[ORG-2] a platform that answers with a redirect is not followed inside the network', async () => {
    let reached = 0;
    const inside = createServer((_req, res) => {
      reached += 1;
      res.writeHead(204).end();
    });
    inside.listen(0, '127.0.0.1');
    await once(inside, 'listening');
    const insideUrl = `http://127.0.0.1:${(inside.address() as AddressInfo).port}/`;
    const redirecting = createServer((_req, res) => res.writeHead(307, { location: insideUrl }).end());
    redirecting.listen(0, '127.0.0.1');
    await once(redirecting, 'listening');
    try {
      const id = await oneDelivery(
        newAgencyId(),
        `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/publicity`,
      );
      const run = await deliverDue(ports);
      expect(run.failed).toContain(id);
      expect((await ports.push.get(id))?.lastError).toBe('HTTP 307');
      expect(reached).toBe(0);
    } finally {
      inside.close();
      redirecting.close();
    }
  });

  it('[ORG-2] in AWS, a target that is or resolves to an internal address is refused when set and never sent to', async () => {
    let reached = 0;
    const inside = createServer((_req, res) => {
      reached += 1;
      res.writeHead(204).end();
    });
    inside.listen(0, '127.0.0.1');
    await once(inside, 'listening');
    const port = (inside.address() as AddressInfo).port;
    const name = 'gkpt.push-check.invalid';
    const http = nodePushHttp(
      () => false,
      async (host) => (host === name ? ['202.96.128.86', '127.0.0.1'] : ['202.96.128.86']),
    );
    const admin = { sub: 'admin', name: '管理员', agencyId: newAgencyId(), roles: ['admin' as const] };
    try {
      for (const url of [
        'https://[::ffff:7f00:1]/x',
        'https://[::ffff:a9fe:a9fe]/latest/meta-data',
        'https://[64:ff9b::7f00:1]/x',
        'https://localhost./x',
        `https://${name}/x`,
      ]) {
        const refused = await setPushTarget({ ...ports, http }, admin, { url, secret }).catch(
          (error) => error,
        );
        expect(refused, url).toBeInstanceOf(ValidationFailed);
        expect((refused as ValidationFailed).details.map((detail) => detail.path)).toEqual(['url']);
      }
      expect(await ports.push.target(admin.agencyId)).toBeUndefined();
      // Saved before the rule, or its name moved inside since: checked at delivery, not sent.
      const ids = [
        await oneDelivery(newAgencyId(), `https://${name}:${port}/publicity`),
        await oneDelivery(newAgencyId(), `https://localhost.:${port}/publicity`),
      ];
      const run = await deliverDue({ ...ports, http });
      expect(run.failed).toEqual(expect.arrayContaining(ids));
      for (const id of ids) expect((await ports.push.get(id))?.lastError).toMatch(/内网/);
      expect(reached).toBe(0);
    } finally {
      inside.close();
    }
  });
});
