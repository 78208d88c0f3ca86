import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import {
  DeleteObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectRetentionCommand,
  ListPartsCommand,
} from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '#shared/config.ts';
import { canonicalJson } from '#shared/kernel/journal.ts';
import { documentClient, s3Client } from '#shared/kernel/store/clients.ts';
import { journalPk } from '#shared/recording/store/case-keys.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { declareEvidence } from '#test/helpers/evidence.ts';

let api: TestApi;
const agencyId = newAgencyId();
const tokens: Record<string, string> = {};
const officers = {
  a: officerInput({ name: '执法甲', userId: 'user-a', categories: ['penalty', 'inspection'] }),
  b: officerInput({ name: '执法乙', userId: 'user-b', categories: ['penalty', 'inspection'] }),
  expired: officerInput({ name: '过期丙', validFrom: '2020-01-01', validTo: '2024-12-31' }),
  licensingOnly: officerInput({ name: '许可丁', categories: ['licensing'] }),
  elsewhere: officerInput({ name: '外县戊', region: '施甸县' }),
};
const pair = [officers.a.certificateNo, officers.b.certificateNo];
const party = { kind: 'person', name: '张三丰', idNumber: '530524199001011231' };

beforeAll(async () => {
  api = await startTestApi();
  tokens.admin = await api.token({ sub: 'admin', agencyId, roles: ['admin'] });
  tokens.handler = await api.token({ sub: 'user-a', agencyId, unitId: 'shswg', roles: ['officer'] });
  tokens.bystander = await api.token({ sub: 'user-z', agencyId, unitId: 'shswg', roles: ['officer'] });
  tokens.head = await api.token({ sub: 'head', agencyId, unitId: 'shswg', roles: ['unit-head'] });
  tokens.reviewer = await api.token({ sub: 'reviewer', agencyId, unitId: 'dzbgs', roles: ['reviewer'] });
  tokens.stranger = await api.token({
    sub: 'stranger',
    agencyId: newAgencyId(),
    roles: ['admin', 'reviewer'],
  });
  const profile = { name: '测试县民政局', region: '昌宁县', documentPrefix: '昌民', units: [] };
  expect((await api.call('PUT', '/v1/agency', { token: tokens.admin, body: profile })).status).toBe(200);
  for (const officer of Object.values(officers)) {
    expect((await api.call('POST', '/v1/officers', { token: tokens.admin, body: officer })).status).toBe(201);
  }
  const list = await api.call('POST', '/v1/checklists', {
    token: tokens.handler,
    body: {
      kind: 'random-inspections',
      title: '随机抽查事项清单',
      items: [
        {
          code: 'SJ-1',
          inspectingBody: '局',
          basis: '依据',
          objects: '养老机构',
          content: '安全',
          method: '现场',
          ratio: '5%',
          frequency: '每年',
        },
      ],
    },
  });
  await api.call('POST', `/v1/checklists/${list.body.id}/publish`, { token: tokens.head });
});
afterAll(() => api.close());

async function newCase(overrides: Record<string, unknown> = {}, token = tokens.handler) {
  const response = await api.call('POST', '/v1/cases', {
    token,
    body: {
      category: 'penalty',
      title: '某养老院未建立入院评估制度案',
      party,
      officers: pair,
      amountInvolved: 5000,
      ...overrides,
    },
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

async function activity(caseId: string, type: string) {
  const response = await api.call('POST', `/v1/cases/${caseId}/activities`, {
    token: tokens.handler,
    body: { type, officers: pair, location: '昌宁县某养老院' },
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/**
 * A PUT the archive is expected to refuse, on a connection of its own: the archive answers 403
 * and closes the socket without reading the body (so a pooled connection would carry the unread
 * bytes into the next request). The client sees the 403 or, while still sending, the closed
 * socket; either way the test then checks that nothing was stored.
 */
function refusedPut(url: string, headers: Record<string, string>, body: Buffer): Promise<number | 'closed'> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: 'PUT', agent: false, headers: { ...headers, 'content-length': body.length } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve('closed') : reject(error),
    );
    request.end(body);
  });
}

/** The part numbers the archive holds for a multipart upload. */
async function storedParts(key: string, uploadId: string): Promise<number[]> {
  const { Parts = [] } = await s3Client.send(
    new ListPartsCommand({ Bucket: config().EVIDENCE_BUCKET, Key: key, UploadId: uploadId }),
  );
  return Parts.map((part) => part.PartNumber ?? 0);
}

/** Declares AV evidence of `declared` bytes for an activity of this file's cases. */
function declare(
  caseId: string,
  activityId: string,
  declared: Buffer,
  { base64, ...extra }: Record<string, unknown> = {},
) {
  return declareEvidence(api, tokens.handler, caseId, declared, {
    activityId,
    officer: officers.a.certificateNo,
    fileName: '执法记录仪-001.mp4',
    capturedAt: '2026-11-20T09:30:00+08:00',
    deviceId: 'DSJ-0001',
    location: '昌宁县某养老院',
    // Devices send hex or, as S3's checksum header does, base64: both are accepted.
    ...(base64 ? { sha256: createHash('sha256').update(declared).digest('base64') } : {}),
    ...extra,
  });
}

/** Declares `declared`, uploads `bytes`, has the arrival delivered, and reads the evidence back. */
async function upload(
  caseId: string,
  activityId: string,
  bytes: Buffer,
  declared = bytes,
  options: Record<string, unknown> = {},
) {
  const evidence = await declare(caseId, activityId, declared, options);
  const put = await fetch(evidence.upload.url, {
    method: 'PUT',
    headers: evidence.upload.headers,
    body: new Uint8Array(bytes),
  });
  expect(put.status, await put.text()).toBe(200);
  await api.call('POST', '/dev/evidence-arrivals');
  return (await api.call('GET', `/v1/evidence/${evidence.id}`, { token: tokens.handler })).body;
}

describe('registering a case', () => {
  it('[LAW-2] [PUB-7] needs at least two officers, each valid that day for the category and region', async () => {
    const refuse = async (list: string[], named: string[]) => {
      const response = await api.call('POST', '/v1/cases', {
        token: tokens.handler,
        body: { category: 'penalty', title: '案', party, officers: list },
      });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('OFFICER_NOT_QUALIFIED');
      const messages = response.body.error.details
        .map((detail: { message: string }) => detail.message)
        .join('\n');
      for (const text of named) expect(messages).toContain(text);
    };
    await refuse([officers.a.certificateNo], ['至少需要两名']);
    await refuse(
      [officers.a.certificateNo, officers.expired.certificateNo],
      [officers.expired.certificateNo, '已过期'],
    );
    await refuse([officers.a.certificateNo, officers.licensingOnly.certificateNo], ['不含行政处罚']);
    await refuse([officers.a.certificateNo, officers.elsewhere.certificateNo], ['施甸县']);
    await refuse([officers.a.certificateNo, 'NO-SUCH-CERT'], ['NO-SUCH-CERT']);
    const created = await newCase();
    expect(created).toMatchObject({ status: 'registered', officers: pair, region: '昌宁县' });
    expect(created.handlers).toEqual(expect.arrayContaining(['user-a', 'user-b']));
  });

  it('[LAW-9] an inspection case must cite an item of a published checklist', async () => {
    const inspection = (matterId?: string) =>
      api.call('POST', '/v1/cases', {
        token: tokens.handler,
        body: {
          category: 'inspection',
          title: '养老机构随机抽查',
          party,
          officers: pair,
          ...(matterId ? { matterId } : {}),
        },
      });
    expect((await inspection()).body.error.code).toBe('MATTER_NOT_PUBLISHED');
    expect((await inspection('SJ-404')).body.error.code).toBe('MATTER_NOT_PUBLISHED');
    expect((await inspection('SJ-1')).status).toBe(201);
  });
});

describe('recording rules', () => {
  it('[REC-1] say for every stage of a category what is recorded, how, and on which carrier', async () => {
    const rules = await api.call('GET', '/v1/recording-rules?category=penalty', { token: tokens.handler });
    expect(rules.status).toBe(200);
    const stage = (name: string) => rules.body.stages.find((item: { stage: string }) => item.stage === name);
    expect(stage('on-site-inspection')).toMatchObject({
      av: 'av',
      documents: [{ type: 'on-site-inspection-record', name: '现场检查笔录' }],
    });
    expect(stage('decision').documents).toEqual([{ type: 'penalty-decision', name: '行政处罚决定书' }]);
    expect(stage('interview')).toMatchObject({ av: 'none' });
    expect(stage('service').carriers).toEqual(
      expect.arrayContaining(['音像记录（不可篡改存档）', '全过程记录日志']),
    );
    const major = await api.call('GET', '/v1/recording-rules?category=penalty&majorProperty=true', {
      token: tokens.handler,
    });
    expect(
      major.body.stages.find((item: { stage: string }) => item.stage === 'evidence-preservation').av,
    ).toBe('full-process-av');
  });
});

describe('the case state machine', () => {
  it('[LAW-4] moves along allowed transitions and refuses others with the allowed next states', async () => {
    const created = await newCase();
    const move = (to: string) =>
      api.call('POST', `/v1/cases/${created.id}/transitions`, { token: tokens.handler, body: { to } });
    const skip = await move('served');
    expect(skip.status).toBe(422);
    expect(skip.body.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      allowed: ['investigating', 'closed'],
      message: '案件不能从“已立案”转为“已送达”',
    });
    // People read the states by their names, never the codes the API answers with in `allowed`.
    expect(skip.body.error.details).toEqual([{ path: 'to', message: '可以转为：调查中、已结案' }]);
    expect((await move('investigating')).body.status).toBe('investigating');
    const decided = await move('decided');
    expect(decided.status).toBe(422);
    expect(decided.body.error.allowed).not.toContain('decided');
    expect((await move('pending-decision')).body.status).toBe('pending-decision');
  });

  it('only handlers of the case, the head of its unit or an administrator may change it', async () => {
    const created = await newCase();
    const byBystander = await api.call('POST', `/v1/cases/${created.id}/transitions`, {
      token: tokens.bystander,
      body: { to: 'investigating' },
    });
    expect(byBystander.status).toBe(403);
    const byHead = await api.call('POST', `/v1/cases/${created.id}/transitions`, {
      token: tokens.head,
      body: { to: 'investigating' },
    });
    expect(byHead.status).toBe(200);
  });
});

describe('documents', () => {
  const notice = {
    facts: '当事人未建立入院评估制度',
    legalBasis: '《养老机构管理办法》第四十六条',
    proposedPenalty: '警告',
    rights: '陈述、申辩',
    penalty: { kind: 'warning' },
  };

  it('[REC-2] follow their template, get the agency number and carry the SHA-256 of their content', async () => {
    const created = await newCase();
    const bad = await api.call('POST', `/v1/cases/${created.id}/records`, {
      token: tokens.handler,
      body: { type: 'penalty-prior-notice', title: '行政处罚事先告知书', fields: { facts: '略', extra: 1 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(
      expect.arrayContaining(['fields.legalBasis', 'fields.penalty', 'fields.extra']),
    );
    const record = await api.call('POST', `/v1/cases/${created.id}/records`, {
      token: tokens.handler,
      body: { type: 'penalty-prior-notice', title: '行政处罚事先告知书', fields: notice },
    });
    expect(record.status).toBe(201);
    expect(record.body.number).toMatch(/^昌民告〔\d{4}〕\d+号$/);
    const content = {
      agencyId,
      caseId: created.id,
      type: 'penalty-prior-notice',
      number: record.body.number,
      title: '行政处罚事先告知书',
      fields: notice,
    };
    expect(record.body.sha256).toBe(createHash('sha256').update(canonicalJson(content)).digest('hex'));
  });

  it('[REC-12] a decision document is made by the decision, never typed as a record', async () => {
    const created = await newCase();
    const typed = await api.call('POST', `/v1/cases/${created.id}/records`, {
      token: tokens.handler,
      body: {
        type: 'penalty-decision',
        title: '行政处罚决定书',
        fields: { facts: '略', evidence: '略', legalBasis: '略', penalty: '警告', remedies: '略' },
      },
    });
    expect(typed.status).toBe(422);
    expect(typed.body.error.code).toBe('DECISION_DOCUMENT');
    expect(typed.body.error.message).toContain('行政处罚决定书');
  });

  it('[REC-2] 20 documents created at once get 20 distinct, consecutive numbers', async () => {
    const created = await newCase();
    const served = await api.call('POST', `/v1/cases/${created.id}/records`, {
      token: tokens.handler,
      body: {
        type: 'penalty-prior-notice',
        title: '行政处罚事先告知书',
        fields: notice,
      },
    });
    const fields = {
      documentNumber: served.body.number,
      recipient: '张三丰',
      servedAt: served.body.createdAt,
      method: 'mail',
      trackingNumber: 'EMS1234567890CN',
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.call('POST', `/v1/cases/${created.id}/records`, {
          token: tokens.handler,
          body: { type: 'service-receipt', title: '送达回证', fields },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const serials = responses.map((response) => response.body.serial as number).sort((a, b) => a - b);
    const first = serials[0] ?? 0;
    expect(serials).toEqual(Array.from({ length: 20 }, (_, index) => first + index));
    expect(new Set(responses.map((response) => response.body.number)).size).toBe(20);
    const journal = await api.call('GET', `/v1/cases/${created.id}/journal/verify`, {
      token: tokens.handler,
    });
    expect(journal.body).toMatchObject({ ok: true, entries: 22 });
  });
});

describe('records beyond the standard templates', () => {
  it("[REC-2] a standard document may be named in Chinese; the agency's own record types are kept, numbered and hashed too", async () => {
    const created = await newCase();
    const byLabel = await api.call('POST', `/v1/cases/${created.id}/records`, {
      token: tokens.handler,
      body: { type: '结案报告', title: '结案报告', fields: { summary: '已执行完毕', result: '结案' } },
    });
    expect(byLabel.status, byLabel.text).toBe(201);
    expect(byLabel.body).toMatchObject({ type: 'closing-report' });
    expect(byLabel.body.number).toMatch(/^昌民结〔\d{4}〕\d+号$/);
    const own = await api.call('POST', `/v1/cases/${created.id}/records`, {
      token: tokens.handler,
      body: { type: '现场照片说明', title: '现场照片说明', fields: { photos: 3, note: '门口、走廊、厨房' } },
    });
    expect(own.status, own.text).toBe(201);
    expect(own.body.number).toMatch(/^昌民记〔\d{4}〕\d+号$/);
    expect(own.body.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('[LAW-10] [LAW-4] a simple-procedure decision may follow registration directly', async () => {
    const created = await newCase({ procedure: 'simple' });
    const decided = await api.call('POST', `/v1/cases/${created.id}/decision`, {
      token: tokens.handler,
      body: { type: 'penalty', summary: '当场警告', legalBasis: '第三十条', penalty: { kind: '警告' } },
    });
    expect(decided.status, decided.text).toBe(201);
    expect(
      (await api.call('GET', `/v1/cases/${created.id}`, { token: tokens.handler })).body.decision.penalty,
    ).toEqual({
      kind: 'warning',
    });
  });
});

describe('AV evidence in the immutable archive', () => {
  it('[REC-6] bytes go straight to the archive by presigned PUT, are checked by SHA-256, archived and locked', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const bytes = Buffer.from('fake mp4 bytes of an on-site inspection');
    const archived = await upload(created.id, site.id, bytes);
    expect(archived).toMatchObject({
      status: 'archived',
      receivedSha256: createHash('sha256').update(bytes).digest('hex'),
      deviceId: 'DSJ-0001',
    });
    expect(archived).not.toHaveProperty('key');
    const Key = `evidence/${agencyId}/${archived.id}`;
    const Bucket = config().EVIDENCE_BUCKET;
    const retention = await s3Client.send(
      new GetObjectRetentionCommand({ Bucket, Key, VersionId: archived.versionId }),
    );
    expect(retention.Retention?.Mode).toBe('COMPLIANCE');
    const deletion = await s3Client
      .send(new DeleteObjectCommand({ Bucket, Key, VersionId: archived.versionId }))
      .then(
        () => 200,
        (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode,
      );
    expect(deletion).toBe(403);
  });

  it('[REC-6] large files go up in parts by presigned URLs and are verified the same way', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const bytes = Buffer.alloc(11 * 1024 * 1024, 7);
    bytes.write('a long body-camera recording');
    const declared = await api.call('POST', `/v1/cases/${created.id}/evidence`, {
      token: tokens.handler,
      body: {
        activityId: site.id,
        fileName: '全程记录.mp4',
        contentType: 'video/mp4',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        capturedAt: '2026-11-20T09:30:00+08:00',
        deviceId: 'DSJ-0002',
        officer: officers.b.certificateNo,
        fullProcess: true,
      },
    });
    const started = await api.call('POST', `/v1/evidence/${declared.body.id}/multipart`, {
      token: tokens.handler,
      body: { partSize: 5 * 1024 * 1024 },
    });
    expect(started.status, started.text).toBe(201);
    expect(started.body.parts).toHaveLength(3);
    expect(started.body.parts.map((part: { size: number }) => part.size)).toEqual([
      5 * 1024 * 1024,
      5 * 1024 * 1024,
      1024 * 1024,
    ]);
    // Each part's length is signed: a part of another size is refused by the archive itself.
    const [first] = started.body.parts as { url: string }[];
    expect([403, 'closed']).toContain(
      await refusedPut(first?.url ?? '', {}, Buffer.alloc(5 * 1024 * 1024 + 1)),
    );
    expect(await storedParts(`evidence/${agencyId}/${declared.body.id}`, started.body.uploadId)).toEqual([]);
    const parts = [];
    for (const part of started.body.parts as { partNumber: number; url: string }[]) {
      const chunk = bytes.subarray(
        (part.partNumber - 1) * started.body.partSize,
        part.partNumber * started.body.partSize,
      );
      const put = await fetch(part.url, { method: 'PUT', body: chunk });
      expect(put.status).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: put.headers.get('etag') ?? '' });
    }
    const wrongUpload = await api.call('POST', `/v1/evidence/${declared.body.id}/multipart/complete`, {
      token: tokens.handler,
      body: { uploadId: 'not-ours', parts },
    });
    expect(wrongUpload.body.error.code).toBe('UNKNOWN_UPLOAD');
    const completed = await api.call('POST', `/v1/evidence/${declared.body.id}/multipart/complete`, {
      token: tokens.handler,
      body: { uploadId: started.body.uploadId, parts },
    });
    expect(completed.status, completed.text).toBe(200);
    await api.call('POST', '/dev/evidence-arrivals');
    const archived = await api.call('GET', `/v1/evidence/${declared.body.id}`, { token: tokens.handler });
    expect(archived.body).toMatchObject({ status: 'archived', receivedSize: bytes.length });
    const retention = await s3Client.send(
      new GetObjectRetentionCommand({
        Bucket: config().EVIDENCE_BUCKET,
        Key: `evidence/${agencyId}/${declared.body.id}`,
      }),
    );
    expect(retention.Retention?.Mode).toBe('COMPLIANCE');
  });

  it('[REC-6] a device that hashed each part gets part URLs with that SHA-256 signed in', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const bytes = Buffer.alloc(6 * 1024 * 1024, 3);
    const declared = await api.call('POST', `/v1/cases/${created.id}/evidence`, {
      token: tokens.handler,
      body: {
        activityId: site.id,
        fileName: '分片校验.mp4',
        contentType: 'video/mp4',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        capturedAt: '2026-11-20T09:30:00+08:00',
        deviceId: 'DSJ-0003',
        officer: officers.a.certificateNo,
      },
    });
    const partSize = 5 * 1024 * 1024;
    const chunks = [bytes.subarray(0, partSize), bytes.subarray(partSize)];
    const hashes = chunks.map((chunk) => createHash('sha256').update(chunk).digest('hex'));
    const miscounted = await api.call('POST', `/v1/evidence/${declared.body.id}/multipart`, {
      token: tokens.handler,
      body: { partSize, partSha256: hashes.slice(0, 1) },
    });
    expect(miscounted.status).toBe(400);
    expect(miscounted.body.error.details[0].path).toBe('partSha256');
    const started = await api.call('POST', `/v1/evidence/${declared.body.id}/multipart`, {
      token: tokens.handler,
      body: { partSize, partSha256: hashes },
    });
    expect(started.status, started.text).toBe(201);
    const urls = started.body.parts as { partNumber: number; url: string; headers: Record<string, string> }[];
    expect(urls[0]?.headers['x-amz-checksum-sha256']).toBe(
      Buffer.from(hashes[0] ?? '', 'hex').toString('base64'),
    );
    // Another part's hash in the header does not match the signature.
    expect([403, 'closed']).toContain(
      await refusedPut(urls[0]?.url ?? '', urls[1]?.headers ?? {}, chunks[0] ?? Buffer.alloc(0)),
    );
    expect(await storedParts(`evidence/${agencyId}/${declared.body.id}`, started.body.uploadId)).toEqual([]);
    const parts = [];
    for (const [index, part] of urls.entries()) {
      const put = await fetch(part.url, { method: 'PUT', headers: part.headers, body: chunks[index] });
      expect(put.status).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: put.headers.get('etag') ?? '' });
    }
    const completed = await api.call('POST', `/v1/evidence/${declared.body.id}/multipart/complete`, {
      token: tokens.handler,
      body: { uploadId: started.body.uploadId, parts },
    });
    expect(completed.status, completed.text).toBe(200);
    await api.call('POST', '/dev/evidence-arrivals');
    const archived = await api.call('GET', `/v1/evidence/${declared.body.id}`, { token: tokens.handler });
    expect(archived.body.status).toBe('archived');
  });

  it('[REC-6] evidence declared a day ago that never arrived is listed by the stale-uploads job', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const lost = await declare(created.id, site.id, Buffer.from('never sent'), {
      fileName: '未到达.mp4',
      deviceId: 'DSJ-0004',
    });
    const arrived = await upload(created.id, site.id, Buffer.from('bytes that did arrive'));
    const listed = async () =>
      (
        (await api.call('POST', '/dev/jobs/stale-uploads')).body.result.uploads as { evidenceId: string }[]
      ).map((item) => item.evidenceId);
    expect(await listed()).not.toContain(lost.id);
    await api.call('POST', '/dev/clock', {
      body: { now: new Date(Date.now() + 25 * 3600_000).toISOString() },
    });
    try {
      const stale = await listed();
      expect(stale).toContain(lost.id);
      expect(stale).not.toContain(arrived.id);
    } finally {
      await api.call('DELETE', '/dev/clock');
    }
  });

  it('[REC-6] an upload arrives even behind more than a page of uploads that never did', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    for (let n = 0; n < 101; n += 1) {
      await declare(created.id, site.id, Buffer.from(`never sent ${n}`), {
        fileName: `未到达-${n}.mp4`,
        deviceId: 'DSJ-0004',
      });
    }
    const arrived = await upload(created.id, site.id, Buffer.from('bytes behind the lost ones'));
    expect(arrived.status).toBe('archived');
  });

  it('[REC-6] an arrival whose notification was lost is verified by the redrive job, once, after its grace period', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const bytes = Buffer.from('bytes whose ObjectCreated event never came');
    const declared = await declare(created.id, site.id, bytes, {
      fileName: '通知丢失.mp4',
      deviceId: 'DSJ-0005',
    });
    const put = await fetch(declared.upload.url, {
      method: 'PUT',
      headers: declared.upload.headers,
      body: bytes,
    });
    expect(put.status).toBe(200);
    const status = async () =>
      (await api.call('GET', `/v1/evidence/${declared.id}`, { token: tokens.handler })).body.status;
    const redrive = async () => (await api.call('POST', '/dev/jobs/arrival-redrive')).body.result;
    // Within its grace period the notification may still be on its way: left alone.
    expect((await redrive()).received).not.toContainEqual(
      expect.objectContaining({ evidenceId: declared.id }),
    );
    expect(await status()).toBe('pending-upload');
    await api.call('POST', '/dev/clock', { body: { now: new Date(Date.now() + 11 * 60_000).toISOString() } });
    try {
      expect((await redrive()).received).toContainEqual({ evidenceId: declared.id, status: 'archived' });
      expect((await redrive()).received).not.toContainEqual(
        expect.objectContaining({ evidenceId: declared.id }),
      );
    } finally {
      await api.call('DELETE', '/dev/clock');
    }
    expect(await status()).toBe('archived');
    const journal = await api.call('GET', `/v1/cases/${created.id}/journal`, { token: tokens.handler });
    expect(
      journal.body.entries.filter((entry: { type: string }) => entry.type === 'evidence.archived'),
    ).toHaveLength(1);
  });

  it('[REC-6] an upload whose bytes do not match the declared SHA-256 is rejected and journaled', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'evidence-collection');
    const rejected = await upload(created.id, site.id, Buffer.from('tampered!'), Buffer.from('original!'));
    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(rejected.rejectionReason).toContain('SHA-256');
    const journal = await api.call('GET', `/v1/cases/${created.id}/journal`, { token: tokens.handler });
    expect(journal.body.entries.map((entry: { type: string }) => entry.type)).toContain('evidence.rejected');
  });

  it('[REC-4] [REC-5] an activity that needs AV cannot be completed without archived evidence; an interview can', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const blocked = await api.call('POST', `/v1/cases/${created.id}/activities/${site.id}/complete`, {
      token: tokens.handler,
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('AV_REQUIRED');
    await upload(created.id, site.id, Buffer.from('recording'), undefined, { base64: true });
    const done = await api.call('POST', `/v1/cases/${created.id}/activities/${site.id}/complete`, {
      token: tokens.handler,
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    const interview = await activity(created.id, 'interview');
    expect(
      (
        await api.call('POST', `/v1/cases/${created.id}/activities/${interview.id}/complete`, {
          token: tokens.handler,
        })
      ).status,
    ).toBe(200);
  });

  it('[REC-4] a case with major property interests needs full-process AV on site', async () => {
    const created = await newCase({ flags: { majorProperty: true } });
    const site = await activity(created.id, 'evidence-preservation');
    await upload(created.id, site.id, Buffer.from('a short clip'));
    const partial = await api.call('POST', `/v1/cases/${created.id}/activities/${site.id}/complete`, {
      token: tokens.handler,
    });
    expect(partial.body.error.code).toBe('AV_REQUIRED');
    await upload(created.id, site.id, Buffer.from('the whole preservation, start to end'), undefined, {
      fullProcess: true,
    });
    expect(
      (
        await api.call('POST', `/v1/cases/${created.id}/activities/${site.id}/complete`, {
          token: tokens.handler,
        })
      ).status,
    ).toBe(200);
  });
});

describe('retrieval for disputes and hearings', () => {
  it('[REC-7] is authorised, time-limited, logged and journaled; legal hold goes on and off', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'hearing');
    const bytes = Buffer.from('hearing recording');
    const evidence = await upload(created.id, site.id, bytes);
    const path = `/v1/evidence/${evidence.id}/retrievals`;
    const body = { purpose: 'hearing', reason: '听证会需要播放现场录像' };
    expect((await api.call('POST', path, { token: tokens.bystander, body })).status).toBe(403);
    expect((await api.call('POST', path, { token: tokens.stranger, body })).status).toBe(404);
    const granted = await api.call('POST', path, { token: tokens.reviewer, body });
    expect(granted.status).toBe(201);
    expect(granted.body.url).toContain('X-Amz-Signature=');
    expect(granted.body.url).toContain('X-Amz-Expires=600');
    const expiresIn = new Date(granted.body.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60 * 1000);
    const download = await fetch(granted.body.url);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    const log = await api.call('GET', path, { token: tokens.head });
    expect(log.body.items).toEqual([
      expect.objectContaining({ by: 'reviewer', purpose: 'hearing', reason: body.reason }),
    ]);

    const hold = (on: boolean) =>
      api.call('POST', `/v1/evidence/${evidence.id}/legal-hold`, {
        token: tokens.head,
        body: { on, reason: '当事人申请行政复议' },
      });
    expect((await hold(true)).body.legalHold).toBe(true);
    const Bucket = config().EVIDENCE_BUCKET;
    const Key = `evidence/${agencyId}/${evidence.id}`;
    const status = async () =>
      (await s3Client.send(new GetObjectLegalHoldCommand({ Bucket, Key, VersionId: evidence.versionId })))
        .LegalHold?.Status;
    expect(await status()).toBe('ON');
    expect((await hold(false)).body.legalHold).toBe(false);
    expect(await status()).toBe('OFF');
    const types = (
      await api.call('GET', `/v1/cases/${created.id}/journal`, { token: tokens.head })
    ).body.entries.map((entry: { type: string }) => entry.type);
    expect(types).toEqual(
      expect.arrayContaining(['evidence.retrieved', 'evidence.legal-hold.on', 'evidence.legal-hold.off']),
    );
  });
});

describe('the journal', () => {
  it('[REC-3] records every change as a hash chain that verifies', async () => {
    const created = await newCase();
    await api.call('POST', `/v1/cases/${created.id}/transitions`, {
      token: tokens.handler,
      body: { to: 'investigating' },
    });
    await activity(created.id, 'interview');
    const journal = await api.call('GET', `/v1/cases/${created.id}/journal`, { token: tokens.reviewer });
    expect(
      journal.body.entries.map((entry: { seq: number; type: string }) => [entry.seq, entry.type]),
    ).toEqual([
      [1, 'case.registered'],
      [2, 'case.transitioned'],
      [3, 'activity.started'],
    ]);
    expect(journal.body.entries[1].prevHash).toBe(journal.body.entries[0].hash);
    expect(JSON.stringify(journal.body)).not.toContain(party.idNumber);
    expect(
      (await api.call('GET', `/v1/cases/${created.id}/journal/verify`, { token: tokens.reviewer })).body,
    ).toEqual({ ok: true, entries: 3 });
  });

  it('[REC-3] an entry edited directly in DynamoDB is caught, at that entry', async () => {
    const created = await newCase();
    await api.call('POST', `/v1/cases/${created.id}/transitions`, {
      token: tokens.handler,
      body: { to: 'investigating' },
    });
    await api.call('POST', `/v1/cases/${created.id}/transitions`, {
      token: tokens.handler,
      body: { to: 'pending-decision' },
    });
    await documentClient.send(
      new UpdateCommand({
        TableName: config().JOURNAL_TABLE,
        Key: { pk: journalPk(agencyId, created.id), seq: 2 },
        UpdateExpression: 'SET #data.#to = :forged',
        ExpressionAttributeNames: { '#data': 'data', '#to': 'to' },
        ExpressionAttributeValues: { ':forged': 'closed' },
      }),
    );
    const verdict = await api.call('GET', `/v1/cases/${created.id}/journal/verify`, {
      token: tokens.reviewer,
    });
    expect(verdict.body.ok).toBe(false);
    expect(verdict.body.broken.seq).toBe(2);
  });
});

describe('the electronic case file', () => {
  it('[REC-2] [LAW-4] is one ZIP: an index PDF with its Chinese font embedded, every document, the evidence manifest and the journal', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const bytes = Buffer.from('on-site video');
    const evidence = await upload(created.id, site.id, bytes);
    const record = await api.call('POST', `/v1/cases/${created.id}/records`, {
      token: tokens.handler,
      body: {
        type: 'on-site-inspection-record',
        title: '现场检查笔录',
        fields: {
          place: '昌宁县某养老院',
          startedAt: '2026-11-20T09:00:00+08:00',
          endedAt: '2026-11-20T10:00:00+08:00',
          inspectedParty: '某养老院',
          findings: '未建立入院评估制度',
        },
      },
    });
    const response = await fetch(`${api.url}/v1/cases/${created.id}/case-file`, {
      headers: { authorization: `Bearer ${tokens.reviewer}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const text = (name: string) => Buffer.from(files[name] ?? new Uint8Array()).toString('utf8');
    const sha = (data: Uint8Array | undefined) =>
      createHash('sha256')
        .update(data ?? new Uint8Array())
        .digest('hex');

    const pdf = text('index.pdf');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf).toContain('/FontFile2');

    const documentFile = Object.keys(files).find((name) => name.startsWith('documents/'));
    expect(sha(files[documentFile ?? ''])).toBe(record.body.sha256);
    const manifest = JSON.parse(text('evidence-manifest.json'));
    expect(manifest).toEqual([
      expect.objectContaining({
        id: evidence.id,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        versionId: evidence.versionId,
        status: 'archived',
      }),
    ]);
    expect(JSON.parse(text('journal.json')).verification).toMatchObject({ ok: true });
    const listed = JSON.parse(text('manifest.json')).files as Record<string, string>;
    for (const [name, digest] of Object.entries(listed)) expect(sha(files[name]), name).toBe(digest);
    expect(Object.keys(listed)).toEqual(expect.arrayContaining(['index.pdf', 'case.json', 'journal.json']));

    const denied = await api.call('GET', `/v1/cases/${created.id}/case-file`, { token: tokens.bystander });
    expect(denied.status).toBe(403);
  });
});

describe('the case list', () => {
  it('pages by cursor through every case once, newest first', async () => {
    for (let n = 0; n < 5; n++) await newCase();
    const whole = await api.call('GET', '/v1/cases?limit=100', { token: tokens.admin });
    expect(whole.status).toBe(200);
    expect(whole.body.items.length).toBeGreaterThanOrEqual(5);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('GET', `/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        token: tokens.admin,
      });
      expect(page.status).toBe(200);
      paged.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole.body.items.map((item: { id: string }) => item.id));
  });
});

describe('unit scope', () => {
  it("[REC-7] a case, its records, journal and evidence are read in its unit, by its handlers and by the agency's review office, leaders and admins only", async () => {
    const otherHead = await api.token({ sub: 'other-head', agencyId, unitId: 'jdk', roles: ['unit-head'] });
    const otherOfficer = await api.token({
      sub: 'other-officer',
      agencyId,
      unitId: 'jdk',
      roles: ['officer'],
    });
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const archived = await upload(created.id, site.id, Buffer.from('bytes of an inspection in unit shswg'));
    expect(archived.status).toBe('archived');
    const reads = [
      `/v1/cases/${created.id}`,
      `/v1/cases/${created.id}/records`,
      `/v1/cases/${created.id}/journal`,
      `/v1/cases/${created.id}/journal/verify`,
      `/v1/cases/${created.id}/case-file`,
      `/v1/evidence/${archived.id}`,
      `/v1/evidence/${archived.id}/retrievals`,
    ];
    for (const path of reads) {
      for (const outsider of [otherHead, otherOfficer]) {
        const refused = await api.call('GET', path, { token: outsider });
        expect(refused.status, path).toBe(403);
        expect(refused.text).not.toContain(party.idNumber);
      }
      for (const insider of [tokens.handler, tokens.head, tokens.reviewer, tokens.admin]) {
        expect((await api.call('GET', path, { token: insider })).status, path).toBe(200);
      }
    }
    // A colleague of the same unit reads the case; nobody is handed the evidence's object key.
    const colleague = await api.call('GET', `/v1/cases/${created.id}`, { token: tokens.bystander });
    expect(colleague.status).toBe(200);
    expect(colleague.body.evidence[0]).not.toHaveProperty('key');

    const inList = async (token: string | undefined) => {
      const page = await api.call('GET', '/v1/cases?limit=100', { token });
      expect(page.status).toBe(200);
      return page.body.items.some((item: { id: string }) => item.id === created.id);
    };
    expect(await inList(otherHead)).toBe(false);
    expect(await inList(otherOfficer)).toBe(false);
    expect(await inList(tokens.bystander)).toBe(true);
    expect(await inList(tokens.reviewer)).toBe(true);

    const hold = { on: true, reason: '行政复议调取' };
    const foreignHold = await api.call('POST', `/v1/evidence/${archived.id}/legal-hold`, {
      token: otherHead,
      body: hold,
    });
    expect(foreignHold.status).toBe(403);
    const ownHold = await api.call('POST', `/v1/evidence/${archived.id}/legal-hold`, {
      token: tokens.head,
      body: hold,
    });
    expect(ownHold.status, ownHold.text).toBe(200);
  });

  it('a case without a unit is handled by people without one: no unit head of another unit writes it or retrieves its evidence', async () => {
    const unitless = await api.token({ sub: 'user-a', agencyId, roles: ['officer'] });
    const created = await newCase({}, unitless);
    expect(created.unitId).toBeUndefined();
    const site = await activity(created.id, 'on-site-inspection');
    const archived = await upload(created.id, site.id, Buffer.from('bytes of a case without a unit'));
    const otherHead = await api.token({ sub: 'other-head', agencyId, unitId: 'jdk', roles: ['unit-head'] });
    const moved = await api.call('POST', `/v1/cases/${created.id}/transitions`, {
      token: otherHead,
      body: { to: 'investigating' },
    });
    expect(moved.status, moved.text).toBe(403);
    expect(moved.text).not.toContain(party.idNumber);
    const retrieval = await api.call('POST', `/v1/evidence/${archived.id}/retrievals`, {
      token: otherHead,
      body: { purpose: 'dispute', reason: '复议' },
    });
    expect(retrieval.status).toBe(403);
  });

  it('evidence outside one’s scope is refused before anything about it is said', async () => {
    const created = await newCase();
    const site = await activity(created.id, 'on-site-inspection');
    const pending = await declare(created.id, site.id, Buffer.from('not yet'), {
      fileName: '未上传.mp4',
      deviceId: 'DSJ-0006',
    });
    const otherHead = await api.token({ sub: 'other-head', agencyId, unitId: 'jdk', roles: ['unit-head'] });
    const refused = await api.call('POST', `/v1/evidence/${pending.id}/retrievals`, {
      token: otherHead,
      body: { purpose: 'dispute', reason: '复议' },
    });
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('pending-upload');
  });

  it("a case is registered in its registrar's own unit; only an administrator names another, and only one the agency has", async () => {
    const elsewhere = await api.call('POST', '/v1/cases', {
      token: tokens.handler,
      body: { category: 'penalty', title: '跨股室登记', party, officers: pair, unitId: 'jdk' },
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toContain('本人所在股室');
    const own = await newCase({ unitId: 'shswg' });
    expect(own.unitId).toBe('shswg');
    const unknown = await api.call('POST', '/v1/cases', {
      token: tokens.admin,
      body: { category: 'penalty', title: '未知股室', party, officers: pair, unitId: 'no-such-unit' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.map((detail: { path: string }) => detail.path)).toContain('unitId');
  });
});
