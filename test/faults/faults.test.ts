import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { dynamoClient, s3Client } from '#shared/kernel/store/clients.ts';
import { type FaultCounts, injectFaults, seeded } from '#test/faults/inject.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { recountStatistics } from '#test/helpers/recount.ts';

/**
 * The fault tier (npm run test:faults): 10% of DynamoDB and S3 calls fail, seeded, while cases
 * are registered, decided, revoked, recorded and their evidence uploaded, and the publication
 * sweep runs. Afterwards, with the faults off, every operation happened exactly once or not at
 * all: one case per registration, one publication per decision, every journal verifies, no
 * publication missing or doubled, no uploaded evidence left pending.
 */
const RATE = 0.1;
const SEED = Number(process.env.FAULT_SEED ?? 20261202);
const CASES = 40;

let api: TestApi;
let faultsOn = false;
const counts: FaultCounts = { calls: 0, faults: 0, byKind: {} };
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const officers = [officerInput({ userId: 'ft-a' }), officerInput({ userId: 'ft-b' })];
let operations = 0;
let serverErrors = 0;

/** A client that retries a 5xx with the same Idempotency-Key, as a device on a bad network does. */
async function call(method: string, path: string, body?: unknown, key?: string) {
  for (let attempt = 1; ; attempt += 1) {
    operations += 1;
    const response = await api.call(method, path, {
      token: t.handler,
      ...(body !== undefined ? { body } : {}),
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
    if (response.status < 500 || attempt === 6) return response;
    serverErrors += 1;
  }
}

beforeAll(async () => {
  api = await startTestApi();
  const random = seeded(SEED);
  const lostReplies = process.env.FAULT_LOST_REPLIES === '1';
  const options = { rate: RATE, lostReplies, random, counts, enabled: () => faultsOn };
  injectFaults(dynamoClient, options);
  injectFaults(s3Client, options);
  t.admin = await api.token({ sub: 'ft-admin', agencyId, roles: ['admin'] });
  t.handler = await api.token({ sub: 'ft-a', agencyId, roles: ['officer'] });
  for (const body of officers)
    expect((await api.call('POST', '/v1/officers', { token: t.admin, body })).status).toBe(201);
});
afterAll(() => api.close());

interface Outcome {
  key: string;
  caseId?: string;
  decided: boolean;
  revoked: boolean;
  evidenceId?: string;
}

async function lifeOfACase(n: number): Promise<Outcome> {
  const key = `ft-${SEED}-${n}`;
  const outcome: Outcome = { key, decided: false, revoked: false };
  const created = await call(
    'POST',
    '/v1/cases',
    {
      category: 'penalty',
      procedure: 'simple',
      title: `故障注入案 ${n}`,
      party: { kind: 'organization', name: `某机构${n}`, idNumber: '52530524MJ0000000Q' },
      officers: officers.map((officer) => officer.certificateNo),
    },
    `${key}-register`,
  );
  if (created.status !== 201) return outcome;
  outcome.caseId = created.body.id;
  const interview = await call(
    'POST',
    `/v1/cases/${outcome.caseId}/activities`,
    { type: 'interview', officers: officers.map((officer) => officer.certificateNo), location: '执法大队' },
    `${key}-activity`,
  );
  if (interview.status === 201) {
    const bytes = Buffer.from(`interview recording ${key}`);
    const declared = await call(
      'POST',
      `/v1/cases/${outcome.caseId}/evidence`,
      {
        activityId: interview.body.id,
        fileName: '询问录音.m4a',
        contentType: 'audio/mp4',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        capturedAt: new Date().toISOString(),
        deviceId: 'DSJ-F1',
        officer: officers[0]?.certificateNo,
      },
      `${key}-evidence`,
    );
    if (declared.status === 201) {
      outcome.evidenceId = declared.body.id;
      await fetch(declared.body.upload.url, {
        method: 'PUT',
        headers: declared.body.upload.headers,
        body: bytes,
      });
    }
  }
  const decision = await call('POST', `/v1/cases/${outcome.caseId}/decision`, {
    type: 'penalty',
    summary: '给予警告',
    legalBasis: '第三十条',
    penalty: { kind: 'warning' },
  });
  // A retry after a decision that went through is told so: it happened, once.
  outcome.decided = decision.status === 201 || decision.status === 409;
  if (outcome.decided && n % 3 === 0) {
    const revoked = await call('POST', `/v1/cases/${outcome.caseId}/decision/revocations`, {
      kind: 'revoked',
      reason: '经复议撤销',
      effectiveOn: new Date().toISOString().slice(0, 10),
    });
    outcome.revoked = revoked.status === 201 || revoked.status === 200 || revoked.status === 409;
  }
  return outcome;
}

describe('under 10% injected faults', () => {
  it('[REC-3] [PUB-12] [REC-6] every operation happened exactly once or not at all', async () => {
    faultsOn = true;
    const outcomes: Outcome[] = [];
    for (let batch = 0; batch < CASES; batch += 5) {
      outcomes.push(...(await Promise.all(Array.from({ length: 5 }, (_, i) => lifeOfACase(batch + i)))));
      await api.call('POST', '/dev/jobs/publication-sweep');
      await api.call('POST', '/dev/evidence-arrivals');
    }
    faultsOn = false;
    // The schedules catch up once AWS is well again.
    await api.call('POST', '/dev/jobs/publication-sweep');
    await api.call('POST', '/dev/evidence-arrivals');

    const listed = await api.call('GET', '/v1/cases?limit=100', { token: t.admin });
    const registered = outcomes.filter((outcome) => outcome.caseId);
    // No registration happened twice: exactly the cases the clients were answered with.
    expect(listed.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      registered.map((outcome) => outcome.caseId).sort(),
    );
    const publications = (await api.call('GET', '/v1/publications?limit=100', { token: t.admin })).body
      .items as {
      caseId: string;
      status: string;
    }[];
    const publicList = await api.call('GET', `/public/v1/agencies/${agencyId}/decisions?limit=100`);
    const publicCaseIds = (publicList.body.items as { caseId?: string; id: string }[]).map((item) => item.id);
    for (const outcome of registered) {
      const verified = await api.call('GET', `/v1/cases/${outcome.caseId}/journal/verify`, {
        token: t.admin,
      });
      expect(verified.body.ok, outcome.key).toBe(true);
      const ofCase = publications.filter((publication) => publication.caseId === outcome.caseId);
      expect(ofCase.length, outcome.key).toBe(outcome.decided ? 1 : 0);
      if (outcome.decided) expect(ofCase[0]?.status).toBe(outcome.revoked ? 'withdrawn' : 'published');
      if (outcome.evidenceId) {
        const evidence = await api.call('GET', `/v1/evidence/${outcome.evidenceId}`, { token: t.admin });
        expect(evidence.body.status, outcome.key).toBe('archived');
      }
    }
    expect(new Set(publicCaseIds).size).toBe(publicCaseIds.length);
    expect(publicCaseIds.length).toBe(
      registered.filter((outcome) => outcome.decided && !outcome.revoked).length,
    );
    // Every change was counted once in the statistics' day counters, retries and all.
    const today = legalDateOf(new Date());
    const stats = await api.call('GET', `/v1/stats?from=2026-01-01&to=${today}`, { token: t.admin });
    const { agencyId: _a, from: _f, to: _t, training: _training, ...counted } = stats.body;
    expect(counted).toEqual(await recountStatistics(agencyId, '2026-01-01', today));
    expect(counted.cases.registered).toBe(registered.length);
    console.log(
      `fault tier: ${operations} API calls (${serverErrors} answered 5xx and retried), ${counts.calls} SDK calls, ${counts.faults} faults injected ${JSON.stringify(counts.byKind)}; ${registered.length}/${CASES} cases registered, ${registered.filter((o) => o.decided).length} decided`,
    );
    expect(counts.faults).toBeGreaterThan(0);
  });
});
