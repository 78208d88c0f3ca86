import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateStatusChanged } from '#events/officer-events.ts';
import { type DomainEvent, localEventBus } from '#shared/events/publisher.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
let admin: string;
let head: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.token({ sub: 'admin-1', agencyId, roles: ['admin'] });
  head = await api.token({ sub: 'head-1', agencyId, roles: ['unit-head'] });
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

describe('officers and certificates through the local HTTP API', () => {
  it('[PUB-5] [PUB-7] a certificate is issued, then verified by anyone without a token', async () => {
    const input = officerInput({ name: '周晓燕' });
    const created = await api.call('POST', '/v1/officers', { token: admin, body: input });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...input,
      agencyId,
      status: 'valid',
      effectiveStatus: 'valid',
      version: 1,
    });

    const verified = await api.call('GET', `/public/v1/officers/${input.certificateNo}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      name: '周晓燕',
      certificateNo: input.certificateNo,
      status: 'valid',
      categories: ['penalty', 'inspection'],
      categoryNames: ['行政处罚', '行政检查'],
      region: '昌宁县',
      validTo: '2029-12-31',
      agencyName: agencyId,
      unit: 'unit-1',
    });
    expect(verified.body).not.toHaveProperty('createdBy');
    expect(verified.body).not.toHaveProperty('statusHistory');
  });

  it('[PUB-5] suspension, reinstatement and revocation take effect at once on the public page', async () => {
    const input = officerInput();
    await api.call('POST', '/v1/officers', { token: admin, body: input });
    const path = `/v1/officers/${input.certificateNo}/status`;
    const publicPath = `/public/v1/officers/${input.certificateNo}`;

    const published: DomainEvent[] = [];
    const listener = (event: DomainEvent) => published.push(event);
    localEventBus.on(CertificateStatusChanged.detailType, listener);
    const suspended = await api.call('POST', path, {
      token: admin,
      body: { status: 'suspended', reason: '涉嫌违纪，暂扣执法证' },
    });
    localEventBus.off(CertificateStatusChanged.detailType, listener);
    expect(suspended.status).toBe(200);
    expect(published).toHaveLength(1);
    expect(CertificateStatusChanged.schema.parse(published[0]?.detail)).toMatchObject({
      agencyId,
      certificateNo: input.certificateNo,
      status: 'suspended',
      changedBy: 'admin-1',
    });
    expect((await api.call('GET', publicPath)).body).toMatchObject({
      status: 'suspended',
      statusName: '暂扣',
    });

    await api.call('POST', path, {
      token: admin,
      body: { status: 'valid', reason: '年度审验通过', validTo: '2030-12-31' },
    });
    expect((await api.call('GET', publicPath)).body).toMatchObject({
      status: 'valid',
      validTo: '2030-12-31',
    });

    await api.call('POST', path, { token: admin, body: { status: 'revoked', reason: '调离执法岗位' } });
    expect((await api.call('GET', publicPath)).body).toMatchObject({
      status: 'revoked',
      statusName: '已吊销',
    });

    const again = await api.call('POST', path, { token: admin, body: { status: 'valid', reason: '恢复' } });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('INVALID_STATUS_CHANGE');

    const history = await api.call('GET', `/v1/officers/${input.certificateNo}`, { token: admin });
    expect(history.body.statusHistory.map((change: { status: string }) => change.status)).toEqual([
      'suspended',
      'valid',
      'revoked',
    ]);
    expect(history.body.statusHistory[0]).toMatchObject({ by: 'admin-1', reason: '涉嫌违纪，暂扣执法证' });
  });

  it('[PUB-5] expiry follows the clock, not a stored flag', async () => {
    const input = officerInput({ validFrom: '2026-01-01', validTo: '2026-06-30' });
    await api.call('POST', '/v1/officers', { token: admin, body: input });
    const publicPath = `/public/v1/officers/${input.certificateNo}`;
    await api.call('POST', '/dev/clock', { body: { now: '2026-06-30T15:59:00Z' } });
    expect((await api.call('GET', publicPath)).body.status).toBe('valid');
    // 16:00 UTC on 30 June is 00:00 on 1 July in Asia/Shanghai.
    await api.call('POST', '/dev/clock', { body: { now: '2026-06-30T16:00:00Z' } });
    expect((await api.call('GET', publicPath)).body).toMatchObject({
      status: 'expired',
      statusName: '已过期',
    });
    await api.call('DELETE', '/dev/clock');
  });

  it('[PUB-5] enforcement categories may be written as codes or in Chinese; they are stored as codes', async () => {
    const input = officerInput({ categories: ['行政处罚', 'inspection'] });
    const created = await api.call('POST', '/v1/officers', { token: admin, body: input });
    expect(created.status, created.text).toBe(201);
    expect(created.body.categories).toEqual(['penalty', 'inspection']);
  });

  it('[PUB-5] the same certificate number twice in one agency is a 409', async () => {
    const input = officerInput();
    expect((await api.call('POST', '/v1/officers', { token: admin, body: input })).status).toBe(201);
    const duplicate = await api.call('POST', '/v1/officers', {
      token: admin,
      body: { ...input, name: '另一人' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'CONFLICT', details: [{ path: 'certificateNo' }] });
  });

  it('[PUB-7] the QR code encodes the public verification URL of the certificate', async () => {
    const input = officerInput();
    await api.call('POST', '/v1/officers', { token: admin, body: input });
    const qr = await api.call('GET', `/v1/officers/${input.certificateNo}/qr`, { token: head });
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    const url = `http://localhost:3000/certificates/${input.certificateNo}?agencyId=${agencyId}`;
    const expected = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(qr.text).toBe(expected);
    const page = await api.call('GET', new URL(url).pathname + new URL(url).search);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('执法证核验');
    expect(page.text).toContain(input.certificateNo);
    // The complaint form files about this officer of this agency (SUP-1).
    expect(page.text).toContain(`ref:"${input.certificateNo}"},agencyId:"${agencyId}"`);
  });

  it('[PUB-5] the public can complain about an officer, and the agency sees the complaint', async () => {
    const input = officerInput({ name: '钱多多' });
    await api.call('POST', '/v1/officers', { token: admin, body: input });
    const filed = await api.call('POST', `/public/v1/officers/${input.certificateNo}/complaints`, {
      body: { content: '检查时未出示执法证件，态度粗暴', contact: '13800000000' },
    });
    expect(filed.status).toBe(202);
    expect(filed.body.complaintId).toMatch(/^[0-9A-Z]{26}$/);
    const listed = await api.call('GET', '/v1/complaints', { token: admin });
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        complaintId: filed.body.complaintId,
        about: { kind: 'officer', ref: input.certificateNo },
        aboutName: '钱多多',
      }),
    );
  });

  it('a retried write with the same Idempotency-Key gives the same answer and writes once', async () => {
    const input = officerInput();
    const headers = { 'idempotency-key': `key-${input.certificateNo}` };
    const first = await api.call('POST', '/v1/officers', { token: admin, body: input, headers });
    const retry = await api.call('POST', '/v1/officers', { token: admin, body: input, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const reused = await api.call('POST', '/v1/officers', {
      token: admin,
      body: { ...input, name: '不同' },
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a certificate number used by two agencies asks which one; the QR link names it', async () => {
    const input = officerInput();
    const other = newAgencyId();
    const otherAdmin = await api.token({ agencyId: other, roles: ['admin'] });
    await api.call('POST', '/v1/officers', { token: admin, body: input });
    await api.call('POST', '/v1/officers', { token: otherAdmin, body: { ...input, name: '李四' } });
    expect((await api.call('GET', `/public/v1/officers/${input.certificateNo}`)).status).toBe(409);
    const named = await api.call('GET', `/public/v1/officers/${input.certificateNo}?agencyId=${other}`);
    expect(named.body).toMatchObject({ name: '李四', agencyId: other });
  });

  it('an agency with a registered list of units refuses an officer of an unknown unit', async () => {
    const own = newAgencyId();
    const ownAdmin = await api.token({ agencyId: own, roles: ['admin'] });
    const profile = { name: '昌宁县民政局', region: '昌宁县', units: [{ id: 'shswg', name: '社会事务股' }] };
    expect((await api.call('PUT', '/v1/agency', { token: ownAdmin, body: profile })).status).toBe(200);
    const refused = await api.call('POST', '/v1/officers', {
      token: ownAdmin,
      body: officerInput({ unitId: 'nope' }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('UNKNOWN_UNIT');
    const input = officerInput({ unitId: 'shswg' });
    await api.call('POST', '/v1/officers', { token: ownAdmin, body: input });
    expect((await api.call('GET', `/public/v1/officers/${input.certificateNo}`)).body).toMatchObject({
      agencyName: '昌宁县民政局',
      unit: '社会事务股',
    });
  });
});
