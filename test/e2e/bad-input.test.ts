import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_STANDARDS } from '#shared/legal-review/domain/review.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
let caller: string;
const agencyId = newAgencyId();
const existing = officerInput();
const long = (n: number) => '长'.repeat(n);

beforeAll(async () => {
  api = await startTestApi();
  // Every role, so each route gets as far as validating its input.
  caller = await api.token({ agencyId, roles: ['admin', 'reviewer', 'leader', 'unit-head', 'officer'] });
  expect((await api.call('POST', '/v1/officers', { token: caller, body: existing })).status).toBe(201);
});
afterAll(() => api.close());

interface BadCase {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  status: number;
  /** Each of these fields must be named in `details`. */
  fields?: string[];
}

const statusPath = `/v1/officers/${existing.certificateNo}/status`;
const complaintPath = `/public/v1/officers/${existing.certificateNo}/complaints`;

const cases: BadCase[] = [
  // POST /v1/officers
  {
    name: 'officer: malformed JSON',
    method: 'POST',
    path: '/v1/officers',
    rawBody: '{"name": "张',
    status: 400,
    fields: ['body'],
  },
  { name: 'officer: no body', method: 'POST', path: '/v1/officers', status: 400, fields: ['body'] },
  {
    name: 'officer: JSON that is not an object',
    method: 'POST',
    path: '/v1/officers',
    body: [1, 2],
    status: 400,
    fields: ['body'],
  },
  {
    name: 'officer: wrong types',
    method: 'POST',
    path: '/v1/officers',
    body: { ...officerInput(), name: 42, categories: 'penalty', validFrom: 20250101 },
    status: 400,
    fields: ['name', 'categories', 'validFrom'],
  },
  {
    name: 'officer: missing fields',
    method: 'POST',
    path: '/v1/officers',
    body: { name: '张三' },
    status: 400,
    fields: ['unitId', 'position', 'certificateNo', 'categories', 'region', 'validFrom', 'validTo'],
  },
  {
    name: 'officer: extra fields',
    method: 'POST',
    path: '/v1/officers',
    body: { ...officerInput(), status: 'valid', agencyId: 'someone-else' },
    status: 400,
    fields: ['status', 'agencyId'],
  },
  {
    name: 'officer: oversized strings',
    method: 'POST',
    path: '/v1/officers',
    body: { ...officerInput(), name: long(51), region: long(5000), certificateNo: 'X'.repeat(65) },
    status: 400,
    fields: ['name', 'region', 'certificateNo'],
  },
  // POST /v1/officers/{certificateNo}/status
  {
    name: 'status: malformed JSON',
    method: 'POST',
    path: statusPath,
    rawBody: 'status=revoked',
    status: 400,
    fields: ['body'],
  },
  {
    name: 'status: wrong types',
    method: 'POST',
    path: statusPath,
    body: { status: 'lost', reason: 7 },
    status: 400,
    fields: ['status', 'reason'],
  },
  {
    name: 'status: missing fields',
    method: 'POST',
    path: statusPath,
    body: {},
    status: 400,
    fields: ['status', 'reason'],
  },
  {
    name: 'status: extra fields',
    method: 'POST',
    path: statusPath,
    body: { status: 'suspended', reason: '暂扣', version: 9 },
    status: 400,
    fields: ['version'],
  },
  {
    name: 'status: oversized reason',
    method: 'POST',
    path: statusPath,
    body: { status: 'suspended', reason: long(501) },
    status: 400,
    fields: ['reason'],
  },
  {
    name: 'status: unknown certificate',
    method: 'POST',
    path: '/v1/officers/NO-SUCH-CERT/status',
    body: { status: 'suspended', reason: '暂扣' },
    status: 404,
  },
  // GET routes with a certificate number
  { name: 'officer: unknown certificate', method: 'GET', path: '/v1/officers/NO-SUCH-CERT', status: 404 },
  { name: 'qr: unknown certificate', method: 'GET', path: '/v1/officers/NO-SUCH-CERT/qr', status: 404 },
  {
    name: 'qr: oversized certificate number',
    method: 'GET',
    path: `/v1/officers/${'X'.repeat(65)}/qr`,
    status: 400,
    fields: ['certificateNo'],
  },
  { name: 'list: bad limit', method: 'GET', path: '/v1/officers?limit=lots', status: 400, fields: ['limit'] },
  {
    name: 'list: forged cursor',
    method: 'GET',
    path: '/v1/officers?cursor=not-a-cursor',
    status: 400,
    fields: ['cursor'],
  },
  ...[
    '/v1/officers',
    '/v1/cases',
    '/v1/reviews',
    '/v1/publications',
    '/v1/complaints',
    '/public/v1/agencies/some-agency/decisions',
  ].flatMap((list) =>
    [
      ['e30', 'an empty key'],
      [Buffer.from(JSON.stringify({ x: 1 })).toString('base64url'), 'a key of another shape'],
      [
        Buffer.from(JSON.stringify({ pk: 'AGENCY#other', sk: 'CASE#1' })).toString('base64url'),
        "another list's key",
      ],
    ].map(([cursor, what]) => ({
      name: `list ${list}: cursor with ${what}`,
      method: 'GET',
      path: `${list}?cursor=${cursor}`,
      status: 400,
      fields: ['cursor'],
    })),
  ),
  {
    name: "list: a cursor of the same shape from another agency's list",
    method: 'GET',
    path: `/v1/officers?cursor=${Buffer.from(JSON.stringify({ pk: 'AGENCY#other', sk: 'OFFICER#X1' })).toString('base64url')}`,
    status: 400,
    fields: ['cursor'],
  },
  { name: 'path: malformed percent-encoding', method: 'GET', path: '/v1/cases/%E0%A4%A', status: 404 },
  {
    name: 'path: malformed percent-encoding in a public route',
    method: 'GET',
    path: '/public/v1/officers/%FF',
    status: 400,
    fields: ['certificateNo'],
  },
  // public verification and complaints
  {
    name: 'verify: unknown certificate',
    method: 'GET',
    path: '/public/v1/officers/NO-SUCH-CERT',
    status: 404,
  },
  {
    name: 'verify: oversized certificate number',
    method: 'GET',
    path: `/public/v1/officers/${'X'.repeat(65)}`,
    status: 400,
    fields: ['certificateNo'],
  },
  {
    name: 'complaint: malformed JSON',
    method: 'POST',
    path: complaintPath,
    rawBody: '{{',
    status: 400,
    fields: ['body'],
  },
  {
    name: 'complaint: wrong types',
    method: 'POST',
    path: complaintPath,
    body: { content: ['x'], contact: 1 },
    status: 400,
    fields: ['content', 'contact'],
  },
  {
    name: 'complaint: missing content',
    method: 'POST',
    path: complaintPath,
    body: { contact: '张先生' },
    status: 400,
    fields: ['content'],
  },
  {
    name: 'complaint: extra fields',
    method: 'POST',
    path: complaintPath,
    body: { content: '执法态度粗暴，未亮证', officerName: 'x' },
    status: 400,
    fields: ['officerName'],
  },
  {
    name: 'complaint: oversized content',
    method: 'POST',
    path: complaintPath,
    body: { content: long(2001) },
    status: 400,
    fields: ['content'],
  },
  {
    name: 'complaint: unknown certificate',
    method: 'POST',
    path: '/public/v1/officers/NO-SUCH-CERT/complaints',
    body: { content: '执法态度粗暴，未亮证' },
    status: 404,
  },
  // agency profile
  {
    name: 'agency: duplicate unit ids and wrong types',
    method: 'PUT',
    path: '/v1/agency',
    body: {
      name: '局',
      region: 1,
      units: [
        { id: 'a', name: '甲' },
        { id: 'a', name: '乙' },
      ],
    },
    status: 400,
    fields: ['region', 'units'],
  },
  { name: 'unknown route', method: 'GET', path: '/v1/nothing-here', status: 404 },
  // checklists
  {
    name: 'checklist: unknown kind',
    method: 'POST',
    path: '/v1/checklists',
    body: { kind: 'wishes', title: 'x', items: [] },
    status: 400,
    fields: ['kind'],
  },
  {
    name: 'checklist: bad items are named by index and field',
    method: 'POST',
    path: '/v1/checklists',
    body: { kind: 'matters', title: 'x', items: [{ code: 'A', name: 5, extra: 1 }] },
    status: 400,
    fields: ['items.0.name', 'items.0.category', 'items.0.extra'],
  },
  {
    name: 'checklist: duplicate item codes',
    method: 'POST',
    path: '/v1/checklists',
    body: {
      kind: 'av-matters',
      title: 'x',
      items: [
        { code: 'A', category: 'penalty', activityType: 'hearing', requirement: 'av' },
        { code: 'A', category: 'penalty', activityType: 'service', requirement: 'av' },
      ],
    },
    status: 400,
    fields: ['items.1.code'],
  },
  {
    name: 'checklist: oversized title',
    method: 'POST',
    path: '/v1/checklists',
    body: { kind: 'matters', title: long(201), items: [] },
    status: 400,
    fields: ['title'],
  },
  {
    name: 'checklist edit: missing expectedVersion',
    method: 'PUT',
    path: '/v1/checklists/SOME-ID',
    body: { items: [] },
    status: 400,
    fields: ['expectedVersion'],
  },
  { name: 'checklist: unknown id', method: 'GET', path: '/v1/checklists/NO-SUCH-ID', status: 404 },
  {
    name: 'checklist publish: unknown id',
    method: 'POST',
    path: '/v1/checklists/NO-SUCH-ID/publish',
    status: 404,
  },
  {
    name: 'checklist import: not base64, bad format',
    method: 'POST',
    path: '/v1/checklists/import',
    body: { kind: 'matters', title: 'x', format: 'pdf', content: '%%%' },
    status: 400,
    fields: ['format', 'content'],
  },
  {
    name: 'public checklist: bad date',
    method: 'GET',
    path: '/public/v1/agencies/a/checklists/matters?at=2026-13-01',
    status: 400,
    fields: ['at'],
  },
  // cases and evidence
  {
    name: 'case: wrong types, missing party fields, unknown flag',
    method: 'POST',
    path: '/v1/cases',
    body: {
      category: 'fishing',
      title: 1,
      party: { kind: 'alien' },
      officers: 'A',
      flags: { veryMajor: true },
    },
    status: 400,
    fields: [
      'category',
      'title',
      'party.kind',
      'party.name',
      'party.idNumber',
      'officers',
      'flags.veryMajor',
    ],
  },
  {
    name: 'case: negative amount, duplicate officers',
    method: 'POST',
    path: '/v1/cases',
    body: {
      category: 'penalty',
      title: '案',
      party: { kind: 'person', name: '张三', idNumber: 'x' },
      officers: ['A', 'A'],
      amountInvolved: -1,
    },
    status: 400,
    fields: ['officers', 'amountInvolved'],
  },
  {
    name: 'transition: unknown state',
    method: 'POST',
    path: '/v1/cases/SOME-ID/transitions',
    body: { to: 'teleported' },
    status: 400,
    fields: ['to'],
  },
  {
    name: 'transition: unknown case',
    method: 'POST',
    path: '/v1/cases/NO-SUCH-CASE/transitions',
    body: { to: 'investigating' },
    status: 404,
  },
  {
    name: 'record: empty type, fields not an object',
    method: 'POST',
    path: '/v1/cases/SOME-ID/records',
    body: { type: '', title: 'x', fields: [] },
    status: 400,
    fields: ['type', 'fields'],
  },
  ...['../../index.pdf', 'a/b', '.hidden', 'line\nbreak', 'back\\slash'].map((type) => ({
    name: `record: a type that would leave its folder in the case-file ZIP (${JSON.stringify(type)})`,
    method: 'POST',
    path: '/v1/cases/SOME-ID/records',
    body: { type, title: 'x', fields: {} },
    status: 400,
    fields: ['type'],
  })),
  {
    name: 'evidence: bad hash, size and content type',
    method: 'POST',
    path: '/v1/cases/SOME-ID/evidence',
    body: {
      activityId: 'a',
      fileName: 'x.exe',
      contentType: 'application/x-msdownload',
      size: 0,
      sha256: 'xyz',
      capturedAt: 'yesterday',
      deviceId: 'd',
      officer: 'A',
    },
    status: 400,
    fields: ['contentType', 'size', 'sha256', 'capturedAt'],
  },
  {
    name: 'retrieval: purpose outside the list, reason missing',
    method: 'POST',
    path: '/v1/evidence/SOME-ID/retrievals',
    body: { purpose: 'curiosity' },
    status: 400,
    fields: ['purpose', 'reason'],
  },
  { name: 'evidence: unknown id', method: 'GET', path: '/v1/evidence/NO-SUCH-EVIDENCE', status: 404 },
  {
    name: 'journal: unknown case',
    method: 'GET',
    path: '/v1/cases/NO-SUCH-CASE/journal/verify',
    status: 404,
  },
  // legal review, decisions, calendar
  {
    name: 'opinion: a conclusion that disagrees with its findings, a problem without a note',
    method: 'POST',
    path: '/v1/reviews/SOME-ID/opinions',
    body: {
      findings: REVIEW_STANDARDS.map((standard, index) => ({
        standard,
        result: index === 0 ? 'problem' : 'pass',
      })),
      conclusion: 'approved',
      opinion: '同意',
    },
    status: 400,
    fields: ['conclusion', 'findings.0.note'],
  },
  {
    // What is left out comes from the approved proposal or the notice (REC-12); what is given is checked.
    name: 'decision: unknown penalty kind, negative amount',
    method: 'POST',
    path: '/v1/cases/SOME-ID/decision',
    body: { type: 'penalty', summary: 's', penalty: { kind: 'flogging', amount: -5 } },
    status: 400,
    fields: ['penalty.kind', 'penalty.amount'],
  },
  {
    name: 'review submission: no materials, attestation refused',
    method: 'POST',
    path: '/v1/cases/SOME-ID/reviews',
    body: { materials: [], attestation: false },
    status: 400,
    fields: ['materials', 'attestation'],
  },
  {
    name: 'reviewer: impossible dates, negative hours',
    method: 'PUT',
    path: '/v1/reviewers/u1',
    body: {
      name: '王',
      qualifiedOn: '2026-02-31',
      trainings: [{ title: '培训', date: '2026-01-01', hours: -2 }],
    },
    status: 400,
    fields: ['qualifiedOn', 'trainings.0.hours'],
  },
  {
    name: 'deadline: bad date and too many days',
    method: 'GET',
    path: '/v1/calendar/deadline?from=20260928&workingDays=999',
    status: 400,
    fields: ['from', 'workingDays'],
  },
  { name: 'review: unknown id', method: 'GET', path: '/v1/reviews/NO-SUCH-REVIEW', status: 404 },
  // publication
  {
    name: 'revocation: unknown kind, no reason',
    method: 'POST',
    path: '/v1/cases/SOME-ID/decision/revocations',
    body: { kind: 'forgotten' },
    status: 400,
    fields: ['kind', 'reason'],
  },
  {
    name: 'publication rule: unknown category, zero days, unknown trigger',
    method: 'PUT',
    path: '/v1/publication-rules/fishing',
    body: { workingDays: 0, publishWhen: 'someday', maskPersonName: 'yes' },
    status: 400,
    fields: ['category', 'workingDays', 'publishWhen', 'maskPersonName'],
  },
  {
    name: 'public publication: unknown id',
    method: 'GET',
    path: '/public/v1/publications/NO-SUCH-ONE',
    status: 404,
  },
  {
    name: 'public diff: missing editions',
    method: 'GET',
    path: '/public/v1/agencies/a/checklists/matters/diff',
    status: 400,
    fields: ['from', 'to'],
  },
];

describe('bad input gets a 4xx in the error format, naming each bad field, never a 500', () => {
  it.each(cases)('$name -> $status', async (badCase) => {
    const response = await api.call(badCase.method, badCase.path, {
      token: caller,
      ...(badCase.body !== undefined ? { body: badCase.body } : {}),
      ...(badCase.rawBody !== undefined ? { rawBody: badCase.rawBody } : {}),
    });
    expect(response.status).toBe(badCase.status);
    expect(response.body.error.code).toBe(
      { 400: 'VALIDATION_FAILED', 404: 'NOT_FOUND' }[badCase.status as 400 | 404],
    );
    expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const named = (response.body.error.details as { path: string }[]).map((detail) => detail.path);
    for (const field of badCase.fields ?? []) expect(named).toContain(field);
  });

  it("a body over Lambda's 6 MiB is refused with 413 before any handler runs", async () => {
    const response = await api.call('POST', '/v1/officers', {
      token: caller,
      rawBody: 'x'.repeat(6 * 1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an import whose file would not fit in a Lambda request is refused, naming content', async () => {
    const response = await api.call('POST', '/v1/checklists/import', {
      token: caller,
      body: {
        kind: 'matters',
        title: '过大的清单',
        format: 'xlsx',
        content: 'A'.repeat(5 * 1024 * 1024 + 4),
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain('content');
  });

  it('a refused write leaves nothing behind', async () => {
    const input = officerInput({ validTo: '2020-01-01' });
    expect((await api.call('POST', '/v1/officers', { token: caller, body: input })).status).toBe(400);
    expect((await api.call('GET', `/v1/officers/${input.certificateNo}`, { token: caller })).status).toBe(
      404,
    );
  });
});
