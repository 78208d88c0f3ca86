import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, seedDemoData, usersOf } from '#local/seed.ts';
import { verifyChain } from '#shared/kernel/journal.ts';
import { newAgencyId, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { DEMO_CASE_OFFICERS } from '#test/helpers/demo-case.ts';

let api: TestApi;
const agencyId = newAgencyId();
const otherAgencyId = newAgencyId();
let admin: string;
let otherAdmin: string;

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A token for an account as the local sign-in page would get it: the claims the identity store lists. */
async function signIn(agency: string, userId: string): Promise<string> {
  const listed = await api.call('GET', `/dev/users?agencyId=${agency}`);
  const user = listed.body.users.find((each: { sub: string }) => each.sub === userId);
  expect(user, `${userId} is on the sign-in page`).toBeDefined();
  return api.token(user);
}

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoData(agencyId);
  await seedDemoData(otherAgencyId);
  admin = await signIn(agencyId, DEMO_ADMIN);
  otherAdmin = await signIn(otherAgencyId, DEMO_ADMIN);
});
afterAll(() => api.close());

describe('staff accounts kept by the agency’s administrator (ORG-5)', () => {
  it('[ORG-5] the demo agency’s accounts are in its directory and on the local sign-in page', async () => {
    const listed = await api.call('GET', '/v1/users?limit=100', { token: admin });
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((account: { userId: string }) => account.userId);
    for (const user of usersOf(agencyId).filter((each) => each.agencyId === agencyId)) {
      expect(ids).toContain(user.sub);
    }
    const page = await api.call('GET', '/v1/users?limit=2', { token: admin });
    expect(page.body.items).toHaveLength(2);
    const next = await api.call('GET', `/v1/users?limit=2&cursor=${page.body.nextCursor}`, { token: admin });
    expect(next.body.items[0].userId).not.toBe(page.body.items[0].userId);
  });

  it('[ORG-5] [PUB-5] an account created, imported from a spreadsheet, signs in and registers a case', async () => {
    const created = await api.call('POST', '/v1/users', {
      token: admin,
      body: { name: '新同事', unitId: 'shswg', roles: ['officer'], phone: '13800000000' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      agencyId,
      status: 'active',
      roles: ['officer'],
      createdBy: DEMO_ADMIN,
    });

    const imported = await api.call('POST', '/v1/users/import', {
      token: admin,
      body: {
        format: 'csv',
        content: csv(
          '序号,姓名,股室,角色,执法证号\n1,王秀兰（导入）,社会事务股,执法人员,yn-cn-mz-0002\n2,周股长,shzzg,股室负责人、执法人员,\n',
        ),
      },
    });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.items).toHaveLength(2);
    const [officer, head] = imported.body.items;
    expect(officer).toMatchObject({
      unitId: 'shswg',
      roles: ['officer'],
      officerCertificateNo: 'YN-CN-MZ-0002',
    });
    expect(head).toMatchObject({ unitId: 'shzzg', roles: ['unit-head', 'officer'] });

    const token = await signIn(agencyId, officer.userId);
    const registered = await api.call('POST', '/v1/cases', {
      token,
      body: {
        category: 'penalty',
        matterId: 'MZ-CF-002',
        officers: DEMO_CASE_OFFICERS,
        title: '导入账号登记的案件',
        party: { kind: 'person', name: '杨某某', idNumber: '530524197805061235' },
      },
    });
    expect(registered.status, registered.text).toBe(201);
  });

  it('[ORG-5] a spreadsheet with a bad row imports nothing and names each bad cell by row and column', async () => {
    const before = await api.call('GET', '/v1/users?limit=100', { token: admin });
    const imported = await api.call('POST', '/v1/users/import', {
      token: admin,
      body: {
        format: 'csv',
        content: csv(
          '姓名,股室,角色,执法证号\n甲,社会事务股,执法人员,\n乙,没有这个股,局长,\n丙,shswg,执法人员,NO-SUCH-CERT\n',
        ),
      },
    });
    expect(imported.status).toBe(400);
    const paths = imported.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toContain('rows.3.角色');
    const after = await api.call('GET', '/v1/users?limit=100', { token: admin });
    expect(after.body.items).toHaveLength(before.body.items.length);
    const units = await api.call('POST', '/v1/users/import', {
      token: admin,
      body: {
        format: 'csv',
        content: csv('姓名,股室,角色,执法证号\n乙,没有这个股,执法人员,\n丙,shswg,执法人员,NO-SUCH-CERT\n'),
      },
    });
    expect(units.status).toBe(400);
    expect(units.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      'rows.2.unitId',
      'rows.3.officerCertificateNo',
    ]);
  });

  it('[ORG-5] an account disabled mid-session is refused on its next request with 401 ACCOUNT_DISABLED', async () => {
    const created = await api.call('POST', '/v1/users', {
      token: admin,
      body: { name: '将离职', unitId: 'shswg', roles: ['officer'] },
    });
    const token = await signIn(agencyId, created.body.userId);
    expect((await api.call('GET', '/v1/cases?limit=1', { token })).status).toBe(200);

    const disabled = await api.call('POST', `/v1/users/${created.body.userId}/disable`, { token: admin });
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled' });

    const refused = await api.call('GET', '/v1/cases?limit=1', { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');
    // No new token either, and the sign-in page no longer offers the account.
    const minted = await api.call('POST', '/dev/token', {
      body: { sub: created.body.userId, name: '将离职', agencyId, roles: ['officer'] },
    });
    expect(minted.status).toBe(401);
    expect(minted.body.error.code).toBe('ACCOUNT_DISABLED');
    const listed = await api.call('GET', `/dev/users?agencyId=${agencyId}`);
    expect(listed.body.users.map((user: { sub: string }) => user.sub)).not.toContain(created.body.userId);
    // A disabled account stays as it was.
    const edited = await api.call('PUT', `/v1/users/${created.body.userId}`, {
      token: admin,
      body: { name: '将离职', unitId: 'shswg', roles: ['admin'] },
    });
    expect(edited.status).toBe(422);
    expect(edited.body.error.code).toBe('ACCOUNT_NOT_ACTIVE');
  });

  it('[ORG-5] an admin of one agency cannot read, edit or disable another agency’s accounts', async () => {
    const theirs = await api.call('POST', '/v1/users', {
      token: otherAdmin,
      body: { name: '别局的人', unitId: 'shswg', roles: ['officer'] },
    });
    expect(theirs.status).toBe(201);
    const id = theirs.body.userId;
    const edit = await api.call('PUT', `/v1/users/${id}`, {
      token: admin,
      body: { name: '改名', unitId: 'shswg', roles: ['admin'] },
    });
    expect(edit.status).toBe(404);
    expect((await api.call('POST', `/v1/users/${id}/disable`, { token: admin })).status).toBe(404);
    const listed = await api.call('GET', '/v1/users?limit=100', { token: admin });
    expect(listed.body.items.map((account: { userId: string }) => account.userId)).not.toContain(id);
    // A cursor of the other agency's list is not a way in.
    const page = await api.call('GET', '/v1/users?limit=1', { token: otherAdmin });
    expect((await api.call('GET', `/v1/users?cursor=${page.body.nextCursor}`, { token: admin })).status).toBe(
      400,
    );
    // Nor is a token that only claims admin of the other agency with its own sub.
    const still = await api.call('GET', '/v1/users?limit=100', { token: otherAdmin });
    expect(still.body.items.find((account: { userId: string }) => account.userId === id)).toMatchObject({
      name: '别局的人',
      status: 'active',
    });
  });

  it('[ORG-5] an admin cannot raise their own roles, nor disable their own account', async () => {
    const created = await api.call('POST', '/v1/users', {
      token: admin,
      body: { name: '第二管理员', unitId: 'dzbgs', roles: ['admin'] },
    });
    const second = await signIn(agencyId, created.body.userId);
    const raised = await api.call('PUT', `/v1/users/${created.body.userId}`, {
      token: second,
      body: { name: '第二管理员', unitId: 'dzbgs', roles: ['admin', 'reviewer', 'leader'] },
    });
    expect(raised.status).toBe(403);
    const dropped = await api.call('PUT', `/v1/users/${created.body.userId}`, {
      token: second,
      body: { name: '第二管理员', unitId: 'dzbgs', roles: ['reviewer'] },
    });
    expect(dropped.status).toBe(403);
    // Their own name and unit they may keep up to date.
    const renamed = await api.call('PUT', `/v1/users/${created.body.userId}`, {
      token: second,
      body: { name: '第二管理员（办公室）', unitId: 'dzbgs', roles: ['admin'] },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(
      (await api.call('POST', `/v1/users/${created.body.userId}/disable`, { token: second })).status,
    ).toBe(403);
    // Another admin may: the first one gives the second the reviewer role.
    const given = await api.call('PUT', `/v1/users/${created.body.userId}`, {
      token: admin,
      body: { name: '第二管理员（办公室）', unitId: 'dzbgs', roles: ['admin', 'reviewer'] },
    });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ roles: ['admin', 'reviewer'], version: 3 });
    // Roles outside an agency's staff are not given here.
    const platform = await api.call('PUT', `/v1/users/${created.body.userId}`, {
      token: admin,
      body: { name: '第二管理员', unitId: 'dzbgs', roles: ['platform-admin'] },
    });
    expect(platform.status).toBe(400);
    expect(platform.body.error.details[0].path).toBe('roles.0');
  });

  it('[ORG-5] every change is in the account log: who, what, when, hash-chained and verifiable', async () => {
    const created = await api.call('POST', '/v1/users', {
      token: admin,
      body: { name: '记录测试', unitId: 'shswg', roles: ['officer'] },
    });
    await api.call('PUT', `/v1/users/${created.body.userId}`, {
      token: admin,
      body: { name: '记录测试', unitId: 'shzzg', roles: ['officer', 'unit-head'] },
    });
    const log = await api.call('GET', '/v1/users/log?limit=2', { token: admin });
    expect(log.status).toBe(200);
    const [latest, earlier] = log.body.items;
    expect(latest).toMatchObject({
      type: 'updated',
      actor: DEMO_ADMIN,
      data: {
        userId: created.body.userId,
        before: { unitId: 'shswg', roles: ['officer'] },
        after: { unitId: 'shzzg', roles: ['officer', 'unit-head'] },
      },
    });
    expect(earlier).toMatchObject({ type: 'created', data: { userId: created.body.userId } });
    expect(latest.prevHash).toBe(earlier.hash);

    const entries = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('GET', `/v1/users/log?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        token: admin,
      });
      entries.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(verifyChain(entries.reverse(), log.body.head)).toMatchObject({ ok: true });
    expect((await api.call('GET', '/v1/users/log?cursor=abc', { token: admin })).status).toBe(400);
  });
});
