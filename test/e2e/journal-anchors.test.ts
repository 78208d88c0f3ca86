import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '#shared/config.ts';
import { entryHash, type JournalEntry } from '#shared/kernel/journal.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { JOURNAL_DAY, journalPk } from '#shared/recording/store/case-keys.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
const officers = [officerInput({ userId: 'ja-a' }), officerInput({ userId: 'ja-b' })];
const pair = officers.map((officer) => officer.certificateNo);
let token: string;

beforeAll(async () => {
  api = await startTestApi();
  const admin = await api.token({ sub: 'ja-admin', agencyId, roles: ['admin'] });
  token = await api.token({ sub: 'ja-a', agencyId, roles: ['officer'] });
  for (const body of officers) await api.call('POST', '/v1/officers', { token: admin, body });
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

async function caseWithHistory(): Promise<string> {
  const created = await api.call('POST', '/v1/cases', {
    token,
    body: {
      category: 'penalty',
      procedure: 'simple',
      title: '日志锚定案',
      party: { kind: 'organization', name: '某机构', idNumber: '52530524MJ0000000Q' },
      officers: pair,
    },
  });
  expect(created.status, created.text).toBe(201);
  const interview = await api.call('POST', `/v1/cases/${created.body.id}/activities`, {
    token,
    body: { type: 'interview', officers: pair, location: '执法大队' },
  });
  expect(interview.status).toBe(201);
  return created.body.id;
}

async function anchorToday() {
  await api.call('POST', '/dev/clock', { body: { now: new Date(Date.now() + 24 * 3600_000).toISOString() } });
  const run = await api.call('POST', '/dev/jobs/journal-anchor');
  await api.call('DELETE', '/dev/clock');
  return run.body.result.days as { day: string; agencies: number }[];
}

describe('journal anchors in the Object Lock archive', () => {
  it('[REC-3] each day the heads go into the archive, once; a journal rewritten with its head, and the table’s day marks removed, is caught there', async () => {
    const caseId = await caseWithHistory();
    const days = await anchorToday();
    expect(days.at(-1)?.agencies).toBeGreaterThanOrEqual(1);
    expect((await anchorToday()).at(-1)?.agencies).toBe(0);

    const verify = async () => (await api.call('GET', `/v1/cases/${caseId}/journal/verify`, { token })).body;
    expect(await verify()).toEqual({ ok: true, entries: 2 });

    // Someone with the tables' credentials rewrites the last entry and the case's head to match.
    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: config().JOURNAL_TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': journalPk(agencyId, caseId) },
      }),
    );
    const last = Items.at(-1) as JournalEntry & { pk: string };
    const { pk: _pk, hash: _hash, ...unsigned } = last;
    const forged = { ...unsigned, data: { ...unsigned.data, location: '伪造的地点' } };
    const forgedHash = entryHash(forged);
    await documentClient.send(
      new PutCommand({
        TableName: config().JOURNAL_TABLE,
        Item: { pk: last.pk, ...forged, hash: forgedHash },
      }),
    );
    await documentClient.send(
      new UpdateCommand({
        TableName: config().MAIN_TABLE,
        Key: { pk: `AGENCY#${agencyId}`, sk: `CASE#${caseId}` },
        UpdateExpression: 'SET journalHead = :head',
        ExpressionAttributeValues: { ':head': forgedHash },
      }),
    );
    // And removes the table's marks of the days the case changed, which say what to anchor: the
    // days to check come from the archive's own marks of the case, which cannot be removed.
    const marks = await documentClient.send(
      new QueryCommand({
        TableName: config().MAIN_TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': `AGENCY#${agencyId}`,
          ':prefix': `CASE#${caseId}#${JOURNAL_DAY}#`,
        },
      }),
    );
    expect(marks.Items?.length).toBeGreaterThan(0);
    for (const mark of marks.Items ?? [])
      await documentClient.send(
        new DeleteCommand({ TableName: config().MAIN_TABLE, Key: { pk: mark.pk, sk: mark.sk } }),
      );
    const after = await verify();
    expect(after.ok).toBe(false);
    expect(after.broken).toMatchObject({ seq: last.seq, reason: expect.stringContaining('锚点') });
  });
});
