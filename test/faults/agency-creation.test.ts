import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAdmin, seedPlatformAdmin } from '#local/seed.ts';
import { dynamoClient } from '#shared/kernel/store/clients.ts';
import { type FaultCounts, failCalls } from '#test/faults/inject.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';

/**
 * A new agency (ORG-6) when the one call that matters fails: the identity service making its
 * first administrator's login (here the local identity store's PutItem), or the DynamoDB
 * transaction that writes the agency with its first account. No failure leaves an agency whose
 * administrator cannot sign in, nor an account or a login without its agency; the request sent
 * again finishes what the failed one began.
 */
let api: TestApi;
let platform: string;
const counts: FaultCounts = { calls: 0, faults: 0, byKind: {} };
/** Which calls fail now: none unless a test says. */
let failing: (command: string, input: string) => boolean = () => false;
const body = newAgencyId();

const newAgency = (agencyId: string) => ({
  agencyId,
  name: '昌宁县市场监督管理局',
  supervisedBy: [body],
  firstAdmin: { name: '段志华' },
});
/** The identity store's write of a login of `agencyId`. */
const loginWrite = (agencyId: string) => (command: string, input: string) =>
  command === 'PutItemCommand' && input.includes(`AGENCY#${agencyId}`) && input.includes('LOGIN#');

async function post(agencyId: string, key: string) {
  return api.call('POST', '/v1/agencies', {
    token: platform,
    body: newAgency(agencyId),
    headers: { 'idempotency-key': key },
  });
}

/** What exists of the agency: listed to its supervisor, its logins on the sign-in page. */
async function whatExists(agencyId: string) {
  const supervisor = await api.token({ agencyId: body, roles: ['supervisor'] });
  const listed = await api.call('GET', '/v1/agencies', { token: supervisor });
  const users = await api.call('GET', `/dev/users?agencyId=${agencyId}`);
  return {
    listed: listed.body.items.some((each: { agencyId: string }) => each.agencyId === agencyId),
    logins: users.body.users.filter((user: { agencyId: string }) => user.agencyId === agencyId),
  };
}

beforeAll(async () => {
  api = await startTestApi();
  failCalls(dynamoClient, (command, input) => failing(command, input), counts);
  await seedPlatformAdmin();
  platform = await api.token({ sub: platformAdmin.userId, agencyId: 'platform', roles: ['platform-admin'] });
});
afterAll(() => api.close());

describe('creating an agency when a call fails (ORG-6)', () => {
  it('[ORG-6] an identity call that fails twice is tried again within the request: 201, the admin signs in', async () => {
    const agencyId = newAgencyId();
    let left = 2;
    failing = (command, input) => loginWrite(agencyId)(command, input) && left-- > 0;
    const before = counts.faults;
    const created = await post(agencyId, `${agencyId}-1`);
    failing = () => false;
    expect(counts.faults - before).toBe(2);
    expect(created.status, created.text).toBe(201);
    const { listed, logins } = await whatExists(agencyId);
    expect(listed).toBe(true);
    expect(logins.map((login: { sub: string }) => login.sub)).toEqual([created.body.firstAdmin.userId]);
  });

  it('[ORG-6] an identity service that stays down: the request fails, and the same request again finishes the agency it wrote', async () => {
    const agencyId = newAgencyId();
    failing = loginWrite(agencyId);
    const failed = await post(agencyId, `${agencyId}-1`);
    failing = () => false;
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBeDefined();
    // The data is whole (the agency with its admin's account), the login not made yet.
    expect(await whatExists(agencyId)).toEqual({ listed: true, logins: [] });

    // Another agency under the id is still a Conflict, and opens nothing.
    const taken = await api.call('POST', '/v1/agencies', {
      token: platform,
      body: { ...newAgency(agencyId), name: '另一个局', firstAdmin: { name: '抢注者' } },
    });
    expect(taken.status).toBe(409);

    const again = await post(agencyId, `${agencyId}-1`);
    expect(again.status, again.text).toBe(201);
    const { logins } = await whatExists(agencyId);
    expect(logins).toEqual([
      expect.objectContaining({ sub: again.body.firstAdmin.userId, roles: ['admin'] }),
    ]);
    // One account, one log entry: the retry opened nothing twice.
    const admin = await api.token(logins[0]);
    const accounts = await api.call('GET', '/v1/users?limit=100', { token: admin });
    expect(accounts.body.items.map((account: { userId: string }) => account.userId)).toEqual([
      again.body.firstAdmin.userId,
    ]);
    const log = await api.call('GET', '/v1/users/log?limit=100', { token: admin });
    expect(log.body.items).toHaveLength(1);
    // Finished, the same request is a Conflict again.
    expect((await post(agencyId, `${agencyId}-2`)).status).toBe(409);
  });

  it('[ORG-6] a transaction that fails writes nothing: no agency, no account, no login; sent again it is created', async () => {
    const agencyId = newAgencyId();
    failing = (command, input) =>
      command === 'TransactWriteItemsCommand' && input.includes(`AGENCY#${agencyId}`);
    const failed = await post(agencyId, `${agencyId}-1`);
    failing = () => false;
    expect(failed.status).toBe(500);
    expect(await whatExists(agencyId)).toEqual({ listed: false, logins: [] });
    const platformList = await api.call('GET', '/v1/agencies?limit=100', { token: platform });
    expect(platformList.body.items.map((each: { agencyId: string }) => each.agencyId)).not.toContain(
      agencyId,
    );

    const again = await post(agencyId, `${agencyId}-1`);
    expect(again.status, again.text).toBe(201);
    const { listed, logins } = await whatExists(agencyId);
    expect(listed).toBe(true);
    expect(logins.map((login: { sub: string }) => login.sub)).toEqual([again.body.firstAdmin.userId]);
  });
});
