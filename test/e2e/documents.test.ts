import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const a = officerInput({ userId: 'doc-a' });
const b = officerInput({ userId: 'doc-b' });
/** A party whose name and identifiers must never reach the public verification (LAW-5). */
const party = { kind: 'person', name: '𠮷㵘柱', idNumber: '530524198512120013', phone: '13912345678' };

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ sub: 'admin', agencyId, roles: ['admin'] });
  t.handler = await api.token({ sub: 'doc-a', agencyId, roles: ['officer'] });
  await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '文书核验测试局', region: '昌宁县', units: [] },
  });
  for (const officer of [a, b]) {
    const registered = await api.call('POST', '/v1/officers', { token: t.admin, body: officer });
    expect(registered.status, registered.text).toBe(201);
  }
});
afterAll(() => api.close());

/** A simple-procedure warning, decided: its 决定书 is a record of the case with its code. */
async function decidedCase() {
  const created = await api.call('POST', '/v1/cases', {
    token: t.handler,
    body: {
      category: 'penalty',
      procedure: 'simple',
      title: `${party.name}未公示收费标准案`,
      party,
      officers: [a.certificateNo, b.certificateNo],
    },
  });
  expect(created.status, created.text).toBe(201);
  const decided = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
    token: t.handler,
    body: { type: 'penalty', summary: '给予警告', legalBasis: '第三十条', penalty: { kind: 'warning' } },
  });
  expect(decided.status, decided.text).toBe(201);
  const records = await api.call('GET', `/v1/cases/${created.body.id}/records`, { token: t.handler });
  const document = records.body.items.find(
    (item: { id: string }) => item.id === decided.body.document.recordId,
  );
  expect(document?.verificationCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return { caseId: created.body.id as string, document };
}

describe('printed documents and their verification (REC-12, PUB-16)', () => {
  it('[REC-12] a record prints as its PDF for whoever reads the case; another case’s record is not found', async () => {
    const { caseId, document } = await decidedCase();
    const pdf = await api.call('GET', `/v1/cases/${caseId}/records/${document.id}/pdf`, { token: t.handler });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    const other = await decidedCase();
    const crossed = await api.call('GET', `/v1/cases/${other.caseId}/records/${document.id}/pdf`, {
      token: t.handler,
    });
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.code).toBe('NOT_FOUND');
  });

  it('[PUB-16] a decision’s code says what it is and that it stands, then that it was revoked; nothing personal is shown', async () => {
    const { caseId, document } = await decidedCase();
    const path = `/public/v1/documents/${document.verificationCode}`;
    const before = await api.call('GET', path);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      agencyId,
      agencyName: '文书核验测试局',
      type: 'penalty-decision',
      typeName: '行政处罚决定书',
      title: expect.any(String),
      number: document.number,
      issuedOn: legalDateOf(new Date(document.createdAt)),
      sha256: document.sha256,
      verificationCode: document.verificationCode,
      status: 'in-force',
    });
    const revoked = await api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: '复议撤销', effectiveOn: legalDateOf(new Date()) },
    });
    expect(revoked.status, revoked.text).toBeLessThan(300);
    // Typed from paper: lower case, without hyphens, an O for a 0 — the same document.
    const typed = document.verificationCode.replace(/-/g, '').toLowerCase().replace(/0/g, 'o');
    const after = await api.call('GET', `/public/v1/documents/${typed}`);
    expect(after.body.status).toBe('revoked');
    const page = await api.call('GET', `/documents/${document.verificationCode}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('已撤销');
    expect(page.text).toContain(document.number);
    for (const text of [before.text, after.text, page.text])
      for (const personal of [party.name, party.idNumber, party.phone, '𠮷', '㵘'])
        expect(text).not.toContain(personal);
  });

  it('[PUB-16] an unknown code is a plain 404, a malformed one a 400 naming the code', async () => {
    const unknown = await api.call('GET', '/public/v1/documents/ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect(unknown.body.error.details ?? []).toEqual([]);
    const page = await api.call('GET', '/documents/ZZZZ-ZZZZ-ZZZZ-ZZZZ', {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(404);
    const malformed = await api.call('GET', '/public/v1/documents/not-a-code');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'verificationCode',
    ]);
  });
});
