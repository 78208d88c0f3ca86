import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/kernel/store/clients.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

/**
 * DynamoDB round trips per API operation, counted by an SDK middleware on the client the handlers
 * use (they run in this process), against a table checked in here: a change that adds a round
 * trip to an operation fails until the table says so, on purpose (issue 13). Round trips, not
 * time: they are the same on every machine, and each costs latency and capacity in AWS.
 */
/**
 * Every signed-in request reads its account's disabled flag once (ORG-5): here on every request
 * (local REVOCATION_CACHE_SECONDS 0), in AWS once per agency per instance per 5 s (docs/performance.md).
 */
const ACCOUNT_CHECK = 1;
/**
 * A supervisor's request also reads its body's supervision index (ORG-4), one Query: here on every
 * request (local SUPERVISION_CACHE_SECONDS 0), in AWS once per body per instance per 5 s.
 */
const SUPERVISION_CHECK = 1;

const expected: Record<string, Record<string, number>> = {
  // One transaction: the case, its journal entry, its day's counters.
  'register case': { GetItem: 3 + ACCOUNT_CHECK, TransactWriteItems: 1 },
  // The case, its activities' index and the activity's two certificates, then the case's two
  // certificates again: every act checks the case's officers are still qualified (LAW-2).
  'add activity': { GetItem: 6 + ACCOUNT_CHECK, TransactWriteItems: 1 },
  'case list': { GetItem: ACCOUNT_CHECK, Query: 1 },
  'public decision list': { Query: 1 },
  'certificate verification': { GetItem: 2 },
  // The period's day counters and the trainings: the same however many cases the agency has.
  statistics: { GetItem: ACCOUNT_CHECK, Query: 2 },
  // Open publications, pending reviews, last year's annual report, unanswered complaints,
  // opinions waiting for their rectification report (SUP-3).
  'overdue list': { GetItem: ACCOUNT_CHECK, Query: 5 },
  // The overdue list's five, and this year's inspection counters that raised an alert (SUP-5).
  'alert list': { GetItem: ACCOUNT_CHECK, Query: 6 + SUPERVISION_CHECK },
};

let counting = false;
let calls: Record<string, number> = {};
dynamoClient.middlewareStack.add(
  (next, context) => async (args) => {
    if (counting) {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
      calls[name] = (calls[name] ?? 0) + 1;
    }
    return next(args);
  },
  { step: 'initialize', name: 'countRoundTrips' },
);

let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const officer = officerInput({ userId: 'round-trip-officer' });
const colleague = officerInput();

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ sub: 'admin', agencyId, roles: ['admin'] });
  t.officer = await api.token({ sub: officer.userId, agencyId, unitId: 'unit-1', roles: ['officer'] });
  await api.supervise(agencyId, `sfj-${agencyId}`);
  t.supervisor = await api.token({ agencyId: `sfj-${agencyId}`, roles: ['supervisor'] });
  for (const input of [officer, colleague])
    expect((await api.call('POST', '/v1/officers', { token: t.admin, body: input })).status).toBe(201);
});

afterAll(async () => {
  await api.close();
});

/** The round trips of one call, after a first call warmed whatever a cold start reads once. */
async function roundTrips(call: () => Promise<{ status: number }>) {
  await call();
  calls = {};
  counting = true;
  try {
    const response = await call();
    expect(response.status).toBeLessThan(300);
  } finally {
    counting = false;
  }
  return calls;
}

describe('round trips per operation', () => {
  it('each operation makes the DynamoDB calls its table says, no more', async () => {
    const year = new Date().toISOString().slice(0, 4);
    const caseBody = {
      category: 'penalty',
      procedure: 'simple',
      title: '往返次数',
      party: { kind: 'organization', name: '某公司', idNumber: '52530524MJ0000000Q' },
      officers: [officer.certificateNo, colleague.certificateNo],
    };
    let caseId = '';
    const measured: Record<string, Record<string, number>> = {
      'register case': await roundTrips(async () => {
        const response = await api.call('POST', '/v1/cases', { token: t.officer, body: caseBody });
        caseId = response.body.id;
        return response;
      }),
      'add activity': await roundTrips(() =>
        api.call('POST', `/v1/cases/${caseId}/activities`, {
          token: t.officer,
          body: { type: 'interview', officers: caseBody.officers, location: '执法大队' },
        }),
      ),
      'case list': await roundTrips(() => api.call('GET', '/v1/cases?limit=20', { token: t.officer })),
      'public decision list': await roundTrips(() =>
        api.call('GET', `/public/v1/agencies/${agencyId}/decisions`),
      ),
      'certificate verification': await roundTrips(() =>
        api.call('GET', `/public/v1/officers/${officer.certificateNo}?agencyId=${agencyId}`),
      ),
      statistics: await roundTrips(() =>
        api.call('GET', `/v1/stats?from=${year}-01-01&to=${year}-12-31`, { token: t.admin }),
      ),
      'overdue list': await roundTrips(() => api.call('GET', '/v1/oversight/overdue', { token: t.admin })),
      'alert list': await roundTrips(() =>
        api.call('GET', `/v1/supervision/alerts?agencyId=${agencyId}`, { token: t.supervisor }),
      ),
    };
    expect(measured).toEqual(expected);
  });
});
