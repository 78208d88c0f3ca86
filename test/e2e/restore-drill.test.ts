import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreDrill } from '#local/restore-drill.ts';
import { config } from '#shared/config.ts';
import { documentClient } from '#shared/kernel/store/clients.ts';
import { journalPk } from '#shared/recording/store/case-keys.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { recordEvidence } from '#test/helpers/evidence.ts';

let api: TestApi;
const agencyId = newAgencyId();
const officers = [officerInput({ userId: 'rd-a' }), officerInput({ userId: 'rd-b' })];
const pair = officers.map((officer) => officer.certificateNo);
let handler: string;
let caseId: string;

beforeAll(async () => {
  api = await startTestApi();
  const admin = await api.token({ sub: 'rd-admin', agencyId, roles: ['admin'] });
  handler = await api.token({ sub: 'rd-a', agencyId, roles: ['officer'] });
  for (const body of officers) await api.call('POST', '/v1/officers', { token: admin, body });
  const created = await api.call('POST', '/v1/cases', {
    token: handler,
    body: {
      category: 'penalty',
      procedure: 'simple',
      title: '恢复演练案',
      party: { kind: 'organization', name: '某机构', idNumber: '52530524MJ0000000Q' },
      officers: pair,
    },
  });
  caseId = created.body.id;
  const interview = await api.call('POST', `/v1/cases/${caseId}/activities`, {
    token: handler,
    body: { type: 'interview', officers: pair, location: '执法大队' },
  });
  await recordEvidence(api, handler, caseId, Buffer.from('recording kept through a restore'), {
    activityId: interview.body.id,
    fileName: '询问录音.m4a',
    contentType: 'audio/mp4',
    deviceId: 'DSJ-R1',
    officer: pair[0] ?? '',
  });
  const decided = await api.call('POST', `/v1/cases/${caseId}/decision`, {
    token: handler,
    body: { type: 'penalty', summary: '给予警告', legalBasis: '第三十条', penalty: { kind: 'warning' } },
  });
  expect(decided.status, decided.text).toBe(201);
});
afterAll(() => api.close());

const drill = () =>
  restoreDrill({
    mainTable: config().MAIN_TABLE,
    journalTable: config().JOURNAL_TABLE,
    evidenceBucket: config().EVIDENCE_BUCKET,
    agencyId,
  });

describe('the restore drill (docs/operations.md)', () => {
  it('[REC-3] [REC-6] restores the tables into new ones, every journal verifies and every archived recording keeps its SHA-256', async () => {
    const report = await drill();
    expect(report.broken).toEqual([]);
    expect(report.cases).toBe(1);
    expect(report.journalsVerified).toBe(1);
    expect(report.evidenceVerified).toBe(1);
    expect(report.items.journal).toBeGreaterThanOrEqual(4);
  });

  it('[REC-3] reports a journal entry that was rewritten before the backup', async () => {
    await documentClient.send(
      new UpdateCommand({
        TableName: config().JOURNAL_TABLE,
        Key: { pk: journalPk(agencyId, caseId), seq: 2 },
        UpdateExpression: 'SET actor = :forged',
        ExpressionAttributeValues: { ':forged': 'someone-else' },
      }),
    );
    const report = await drill();
    expect(report.journalsVerified).toBe(0);
    expect(report.broken).toEqual([expect.objectContaining({ what: 'journal', id: caseId })]);
  });
});
