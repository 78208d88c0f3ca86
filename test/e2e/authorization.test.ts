import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '#functions/routes.ts';
import type { RouteDef } from '#shared/http/route.ts';
import { routeKey } from '#shared/http/route.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { AGENCY_ROLES, ROLES, type Role } from '#shared/kernel/principal.ts';
import { REVIEW_STANDARDS } from '#shared/legal-review/domain/review.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { recordEvidence } from '#test/helpers/evidence.ts';

let api: TestApi;
const agencyId = newAgencyId();
const supervisedAgency = newAgencyId();
const planYear = legalDateOf(new Date()).slice(0, 4);
const officer = officerInput();
const tokens = new Map<Role, string>();

const everyone = AGENCY_ROLES;
/** Who may call what, written from docs/api.md, independently of the route table. */
const expected: Record<
  string,
  { allowed: readonly Role[] | 'public'; path: string; body?: () => unknown; status?: number }
> = {
  'POST /v1/officers': {
    allowed: ['admin'],
    path: '/v1/officers',
    body: () => officerInput(),
  },
  'GET /v1/officers': { allowed: everyone, path: '/v1/officers' },
  'GET /v1/officers/{certificateNo}': { allowed: everyone, path: `/v1/officers/${officer.certificateNo}` },
  'POST /v1/officers/{certificateNo}/status': {
    allowed: ['admin'],
    path: `/v1/officers/${officer.certificateNo}/status`,
    body: () => ({ status: 'valid', reason: '年度审验通过' }),
  },
  'GET /v1/officers/{certificateNo}/qr': {
    allowed: everyone,
    path: `/v1/officers/${officer.certificateNo}/qr`,
  },
  'GET /v1/complaints': { allowed: ['admin', 'unit-head', 'leader', 'supervisor'], path: '/v1/complaints' },
  // ORG-5: the agency's own administrator keeps its accounts (no profile here: a bad unit is a 400).
  'GET /v1/users': { allowed: ['admin'], path: '/v1/users' },
  'POST /v1/users': {
    allowed: ['admin'],
    path: '/v1/users',
    body: () => ({ name: '周晓燕', unitId: 'unit-1', roles: ['officer'] }),
  },
  'POST /v1/users/import': {
    allowed: ['admin'],
    path: '/v1/users/import',
    body: () => ({
      format: 'csv',
      content: Buffer.from('姓名,股室,角色\n周晓燕,unit-1,执法人员\n').toString('base64'),
    }),
  },
  'GET /v1/users/log': { allowed: ['admin'], path: '/v1/users/log' },
  'PUT /v1/users/{userId}': {
    allowed: ['admin'],
    path: '/v1/users/no-such-user',
    body: () => ({ name: '周晓燕', unitId: 'unit-1', roles: ['officer'] }),
  },
  'POST /v1/users/{userId}/disable': { allowed: ['admin'], path: '/v1/users/no-such-user/disable' },
  // ORG-6: agencies are the platform administrator's; a supervisor lists those it supervises.
  'POST /v1/agencies': {
    allowed: ['platform-admin'],
    path: '/v1/agencies',
    body: () => ({
      agencyId: `authz-${Math.random().toString(36).slice(2, 10)}`,
      name: '测试局',
      supervisedBy: ['changning-sfj'],
      firstAdmin: { name: '首位管理员' },
    }),
  },
  'GET /v1/agencies': { allowed: ['platform-admin', 'supervisor'], path: '/v1/agencies' },
  // ORG-4: who supervises an agency is the platform administrator's to change.
  'PUT /v1/agencies/{agencyId}/supervised-by': {
    allowed: ['platform-admin'],
    path: '/v1/agencies/no-such-agency/supervised-by',
    body: () => ({ supervisedBy: ['changning-sfj'] }),
  },
  'POST /v1/complaints/{id}/answer': {
    allowed: ['admin', 'unit-head', 'leader'],
    path: '/v1/complaints/NO-SUCH-ID/answer',
    body: () => ({ answer: '已核实处理' }),
  },
  // SUP-4: the supervisory body draws and scores; the evaluated agency's admin and leader read.
  'POST /v1/supervision/evaluations': {
    allowed: ['supervisor'],
    path: '/v1/supervision/evaluations',
    body: () => ({
      agencyId,
      from: '2026-03-01',
      to: '2026-03-31',
      sampleSize: 0,
      rubricId: 'case-file-2026',
    }),
  },
  'PUT /v1/supervision/evaluations/{id}/scores/{caseId}': {
    allowed: ['supervisor'],
    path: '/v1/supervision/evaluations/NO-SUCH-ID/scores/NO-SUCH-CASE',
    body: () => ({ items: [{ itemId: 'procedure', points: 20 }] }),
  },
  // SUP-5: a supervisor, for an agency its token names (none here: the agency is required).
  'GET /v1/supervision/alerts': { allowed: ['supervisor'], path: '/v1/supervision/alerts', status: 400 },
  'GET /v1/supervision/evaluations': {
    allowed: ['supervisor', 'admin', 'leader'],
    path: '/v1/supervision/evaluations',
  },
  'GET /v1/supervision/evaluations/{id}': {
    allowed: ['supervisor', 'admin', 'leader'],
    path: '/v1/supervision/evaluations/NO-SUCH-ID',
  },
  'POST /public/v1/complaints': {
    allowed: 'public',
    path: '/public/v1/complaints',
    body: () => ({
      about: { kind: 'officer', ref: officer.certificateNo },
      agencyId,
      text: '执法时未出示证件',
    }),
    status: 201,
  },
  'GET /public/v1/documents/{verificationCode}': {
    allowed: 'public',
    path: '/public/v1/documents/0000-0000-0000-0000',
    status: 404,
  },
  'GET /public/v1/complaints/{receipt}': {
    allowed: 'public',
    path: '/public/v1/complaints/0000-0000-0000-0000',
    status: 404,
  },
  'GET /v1/agency': { allowed: everyone, path: '/v1/agency' },
  'PUT /v1/agency': {
    allowed: ['admin'],
    path: '/v1/agency',
    body: () => ({ name: '测试局', region: '昌宁县', units: [] }),
  },
  'GET /public/v1/officers/{certificateNo}': {
    allowed: 'public',
    path: `/public/v1/officers/${officer.certificateNo}`,
  },
  'POST /public/v1/officers/{certificateNo}/complaints': {
    allowed: 'public',
    path: `/public/v1/officers/${officer.certificateNo}/complaints`,
    body: () => ({ content: '执法时未出示证件' }),
    status: 202,
  },
  'GET /openapi.json': { allowed: 'public', path: '/openapi.json' },
  // The public site: pages for everyone, a token changes nothing.
  'GET /': { allowed: 'public', path: '/' },
  'GET /agencies/{agencyId}': { allowed: 'public', path: '/agencies/no-such-agency', status: 404 },
  'GET /agencies/{agencyId}/lists/{kind}': {
    allowed: 'public',
    path: '/agencies/no-such-agency/lists/matters',
    status: 404,
  },
  'GET /agencies/{agencyId}/lists/{kind}/diff': {
    allowed: 'public',
    path: '/agencies/no-such-agency/lists/matters/diff?from=1&to=2',
    status: 404,
  },
  'GET /agencies/{agencyId}/decisions': {
    allowed: 'public',
    path: '/agencies/no-such-agency/decisions',
    status: 404,
  },
  'GET /agencies/{agencyId}/random-draws': {
    allowed: 'public',
    path: '/agencies/no-such-agency/random-draws',
    status: 404,
  },
  'GET /agencies/{agencyId}/annual-reports/{year}': {
    allowed: 'public',
    path: '/agencies/no-such-agency/annual-reports/2025',
    status: 404,
  },
  'GET /complaints/{receipt}': { allowed: 'public', path: '/complaints/0000-0000-0000-0000', status: 404 },
  // SUP-6: a year not published yet is 404 to everyone.
  'GET /supervisory-bodies/{agencyId}/reports/{year}': {
    allowed: 'public',
    path: `/supervisory-bodies/${agencyId}/reports/2025`,
    status: 404,
  },
  'GET /public/v1/supervisory-bodies/{agencyId}/reports/{year}': {
    allowed: 'public',
    path: `/public/v1/supervisory-bodies/${agencyId}/reports/2025`,
    status: 404,
  },
  'GET /public/v1/supervisory-bodies/{agencyId}/reports/{year}/pdf': {
    allowed: 'public',
    path: `/public/v1/supervisory-bodies/${agencyId}/reports/2025/pdf`,
    status: 404,
  },
  'GET /decisions/{id}': { allowed: 'public', path: '/decisions/NO-SUCH-ID', status: 404 },
  'GET /documents/{verificationCode}': {
    allowed: 'public',
    path: '/documents/0000-0000-0000-0000',
    status: 404,
  },
  'GET /certificates': { allowed: 'public', path: '/certificates' },
  'GET /certificates/{certificateNo}': { allowed: 'public', path: '/certificates/NO-SUCH-CERT', status: 404 },
  'POST /v1/checklists': {
    allowed: ['officer', 'unit-head', 'admin', 'reviewer'],
    path: '/v1/checklists',
    body: () => ({ kind: 'matters', title: '事项清单', items: [] }),
  },
  'POST /v1/checklists/import': {
    allowed: ['officer', 'unit-head', 'admin', 'reviewer'],
    path: '/v1/checklists/import',
    body: () => ({
      kind: 'matters',
      title: '事项清单',
      format: 'csv',
      content: Buffer.from('x').toString('base64'),
    }),
  },
  'GET /v1/checklists': { allowed: everyone, path: '/v1/checklists' },
  'GET /v1/checklists/{id}': { allowed: everyone, path: '/v1/checklists/NO-SUCH-ID' },
  'PUT /v1/checklists/{id}': {
    allowed: ['officer', 'unit-head', 'admin', 'reviewer'],
    path: '/v1/checklists/NO-SUCH-ID',
    body: () => ({ items: [], expectedVersion: 1 }),
  },
  'POST /v1/checklists/{id}/publish': {
    allowed: ['unit-head', 'admin'],
    path: '/v1/checklists/NO-SUCH-ID/publish',
  },
  'GET /v1/checklists/{id}/export': { allowed: everyone, path: '/v1/checklists/NO-SUCH-ID/export' },
  'GET /v1/officers/{certificateNo}/window-card': {
    allowed: everyone,
    path: `/v1/officers/${officer.certificateNo}/window-card?window=1`,
  },
  'GET /public/v1/agencies/{agencyId}/checklists/{kind}': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/checklists/matters`,
    status: 404,
  },
  'GET /public/v1/agencies/{agencyId}/checklists/{kind}/versions': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/checklists/matters/versions`,
  },
  'GET /public/v1/agencies/{agencyId}/checklists/{kind}/versions/{edition}': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/checklists/matters/versions/1`,
    status: 404,
  },
  'GET /v1/recording-rules': { allowed: everyone, path: '/v1/recording-rules?category=penalty' },
  'POST /v1/cases': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/cases',
    body: () => ({
      category: 'penalty',
      title: '案',
      party: { kind: 'person', name: '张三', idNumber: 'x' },
      officers: ['A', 'B'],
    }),
  },
  'GET /v1/cases': { allowed: everyone, path: '/v1/cases' },
  'GET /v1/cases/{id}': { allowed: everyone, path: '/v1/cases/NO-SUCH-ID' },
  'POST /v1/cases/{id}/transitions': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/cases/NO-SUCH-ID/transitions',
    body: () => ({ to: 'investigating' }),
  },
  'PUT /v1/cases/{id}/officers': {
    allowed: ['unit-head', 'admin'],
    path: '/v1/cases/NO-SUCH-ID/officers',
    body: () => ({ officers: ['A', 'B'], reason: '原执法人员执法证被暂扣' }),
  },
  'POST /v1/cases/{id}/activities': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/cases/NO-SUCH-ID/activities',
    body: () => ({ type: 'interview', officers: ['A', 'B'] }),
  },
  'POST /v1/cases/{id}/activities/{activityId}/complete': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/cases/NO-SUCH-ID/activities/NO-SUCH-ACTIVITY/complete',
  },
  'POST /v1/cases/{id}/records': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/cases/NO-SUCH-ID/records',
    body: () => ({ type: 'closing-report', title: '结案报告', fields: { summary: '略', result: '结案' } }),
  },
  'GET /v1/cases/{id}/records': { allowed: everyone, path: '/v1/cases/NO-SUCH-ID/records' },
  'GET /v1/cases/{id}/records/{recordId}/pdf': {
    allowed: everyone,
    path: '/v1/cases/NO-SUCH-ID/records/NO-SUCH-RECORD/pdf',
  },
  'POST /v1/cases/{id}/evidence': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/cases/NO-SUCH-ID/evidence',
    body: () => ({
      activityId: 'x',
      fileName: 'a.mp4',
      contentType: 'video/mp4',
      size: 1,
      sha256: 'a'.repeat(64),
      capturedAt: '2026-01-01T00:00:00Z',
      deviceId: 'd',
      officer: 'A',
    }),
  },
  'POST /v1/evidence/{id}/multipart': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/evidence/NO-SUCH-ID/multipart',
  },
  'POST /v1/evidence/{id}/multipart/complete': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/evidence/NO-SUCH-ID/multipart/complete',
    body: () => ({ uploadId: 'u', parts: [{ partNumber: 1, etag: 'e' }] }),
  },
  'GET /v1/evidence/{id}': { allowed: everyone, path: '/v1/evidence/NO-SUCH-ID' },
  'POST /v1/devices': {
    allowed: ['admin', 'unit-head'],
    path: '/v1/devices',
    body: () => ({ deviceId: 'DSJ-AUTH-1', kind: 'body-camera', unitId: 'unit-1', custodian: 'user-1' }),
  },
  'GET /v1/devices': { allowed: everyone, path: '/v1/devices' },
  'GET /v1/record-types': { allowed: everyone, path: '/v1/record-types' },
  'POST /v1/evidence/{id}/retrievals': {
    allowed: everyone,
    path: '/v1/evidence/NO-SUCH-ID/retrievals',
    body: () => ({ purpose: 'dispute', reason: '复议' }),
  },
  'GET /v1/evidence/{id}/retrievals': { allowed: everyone, path: '/v1/evidence/NO-SUCH-ID/retrievals' },
  'POST /v1/evidence/{id}/legal-hold': {
    allowed: ['admin', 'leader', 'unit-head'],
    path: '/v1/evidence/NO-SUCH-ID/legal-hold',
    body: () => ({ on: true, reason: '争议' }),
  },
  'GET /v1/cases/{id}/case-file': { allowed: everyone, path: '/v1/cases/NO-SUCH-ID/case-file' },
  'GET /v1/cases/{id}/journal': { allowed: everyone, path: '/v1/cases/NO-SUCH-ID/journal' },
  'GET /v1/cases/{id}/journal/verify': { allowed: everyone, path: '/v1/cases/NO-SUCH-ID/journal/verify' },
  'GET /v1/cases/{id}/review-requirement': {
    allowed: everyone,
    path: '/v1/cases/NO-SUCH-ID/review-requirement',
  },
  'GET /v1/cases/{id}/decision/draft': {
    allowed: ['officer', 'unit-head', 'admin', 'leader'],
    path: '/v1/cases/NO-SUCH-ID/decision/draft',
  },
  'POST /v1/cases/{id}/decision': {
    allowed: ['officer', 'unit-head', 'admin', 'leader'],
    path: '/v1/cases/NO-SUCH-ID/decision',
    body: () => ({ type: 'penalty', summary: '警告', legalBasis: '依据', penalty: { kind: 'warning' } }),
  },
  'POST /v1/cases/{id}/reviews': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/cases/NO-SUCH-ID/reviews',
    body: () => ({ materials: ['x'] }),
  },
  'GET /v1/reviews': { allowed: everyone, path: '/v1/reviews' },
  'GET /v1/reviews/{id}': { allowed: everyone, path: '/v1/reviews/NO-SUCH-ID' },
  'POST /v1/reviews/{id}/opinions': {
    allowed: ['reviewer'],
    path: '/v1/reviews/NO-SUCH-ID/opinions',
    body: () => ({
      findings: REVIEW_STANDARDS.map((standard) => ({ standard, result: 'pass' })),
      conclusion: 'approved',
      opinion: '同意',
    }),
  },
  'POST /v1/reviews/{id}/resubmissions': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/reviews/NO-SUCH-ID/resubmissions',
    body: () => ({ responses: [{ standard: 'procedure', note: '已补正' }] }),
  },
  'POST /v1/reviews/{id}/disputes': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/reviews/NO-SUCH-ID/disputes',
    body: () => ({ reason: '有异议' }),
  },
  'POST /v1/reviews/{id}/rulings': {
    allowed: ['leader'],
    path: '/v1/reviews/NO-SUCH-ID/rulings',
    body: () => ({ conclusion: 'approved', note: '同意' }),
  },
  'POST /v1/reviews/{id}/extensions': {
    allowed: ['leader'],
    path: '/v1/reviews/NO-SUCH-ID/extensions',
    body: () => ({ workingDays: 3, reason: '延期' }),
  },
  'PUT /v1/reviewers/{userId}': {
    allowed: ['admin'],
    path: '/v1/reviewers/someone',
    body: () => ({ name: '某审核员', legalQualificationNo: 'A1' }),
  },
  'GET /v1/reviewers': { allowed: everyone, path: '/v1/reviewers' },
  'GET /v1/calendar/deadline': {
    allowed: ROLES,
    path: '/v1/calendar/deadline?from=2026-09-28&workingDays=7',
  },
  'PUT /v1/calendar/{year}': {
    allowed: ['calendar-admin'],
    path: '/v1/calendar/2099',
    body: () => ({ holidays: ['2099-01-01'], workdays: [] }),
  },
  'GET /v1/calendar/recomputations/{id}': {
    allowed: ['calendar-admin'],
    path: '/v1/calendar/recomputations/NO-SUCH-ID',
  },
  'GET /v1/calendar/{year}': { allowed: ROLES, path: '/v1/calendar/2026' },
  'GET /v1/publications': { allowed: everyone, path: '/v1/publications' },
  'POST /v1/annual-reports/{year}/corrections': {
    allowed: ['admin'],
    path: '/v1/annual-reports/2020/corrections',
    body: () => ({ reason: '更正数据' }),
    status: 201,
  },
  'GET /v1/stats/export': {
    allowed: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    path: '/v1/stats/export?from=2026-01-01&to=2026-12-31',
  },
  'POST /v1/officers/{certificateNo}/trainings': {
    allowed: ['admin', 'unit-head'],
    path: `/v1/officers/${officer.certificateNo}/trainings`,
    body: () => ({ title: '培训', date: '2026-06-01', hours: 2 }),
    status: 201,
  },
  'GET /v1/officers/{certificateNo}/trainings': {
    allowed: everyone,
    path: `/v1/officers/${officer.certificateNo}/trainings`,
  },
  'POST /v1/random-draws': {
    allowed: ['unit-head', 'admin'],
    path: '/v1/random-draws',
    body: () => ({ matterCode: 'NOT-PUBLISHED', pool: [{ id: '1', name: '某机构' }] }),
  },
  'GET /public/v1/agencies/{agencyId}/random-draws': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/random-draws`,
  },
  'GET /v1/evaluation-report': {
    allowed: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    path: '/v1/evaluation-report?from=2026-01-01&to=2026-12-31',
  },
  'GET /public/v1/agencies/{agencyId}/annual-reports/{year}/pdf': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/annual-reports/2026/pdf`,
  },
  'GET /v1/oversight/overdue': {
    allowed: ['unit-head', 'leader', 'admin', 'supervisor'],
    path: '/v1/oversight/overdue',
  },
  'GET /v1/publications/{id}/preview': {
    allowed: ['officer', 'unit-head', 'admin', 'leader'],
    path: '/v1/publications/NO-SUCH-ID/preview',
  },
  'POST /v1/publications/{id}/confirmation': {
    allowed: ['unit-head', 'admin'],
    path: '/v1/publications/NO-SUCH-ID/confirmation',
  },
  'POST /v1/cases/{id}/decision/revocations': {
    allowed: ['officer', 'unit-head', 'admin', 'leader'],
    path: '/v1/cases/NO-SUCH-ID/decision/revocations',
    body: () => ({ kind: 'revoked', reason: '复议撤销', effectiveOn: '2026-11-20' }),
  },
  'POST /v1/publications/{id}/publish': {
    allowed: ['unit-head', 'admin'],
    path: '/v1/publications/NO-SUCH-ID/publish',
  },
  'POST /v1/publications/{id}/exemptions': {
    allowed: ['admin', 'leader'],
    path: '/v1/publications/NO-SUCH-ID/exemptions',
    body: () => ({ reason: '涉及国家秘密' }),
  },
  'PUT /v1/publication-rules/{category}': {
    allowed: ['admin'],
    path: '/v1/publication-rules/other',
    body: () => ({ workingDays: 20, publishWhen: 'decided', maskPersonName: true }),
  },
  'GET /v1/publication-rules/{category}': { allowed: everyone, path: '/v1/publication-rules/penalty' },
  'PUT /v1/push-target': {
    allowed: ['admin'],
    path: '/v1/push-target',
    body: () => ({ url: 'http://127.0.0.1:9/never', secret: 'a-secret-that-is-long-enough' }),
  },
  'GET /v1/push/dead-letters': { allowed: ['admin'], path: '/v1/push/dead-letters' },
  'POST /v1/push/dead-letters/{id}/replay': {
    allowed: ['admin'],
    path: '/v1/push/dead-letters/NO-SUCH-ID/replay',
  },
  'GET /v1/stats': {
    allowed: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'],
    path: '/v1/stats?from=2026-01-01&to=2026-12-31',
  },
  'GET /public/v1/agencies/{agencyId}/annual-reports/{year}': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/annual-reports/2025`,
  },
  'GET /public/v1/agencies/{agencyId}/decisions': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/decisions`,
  },
  'GET /public/v1/publications/{id}/notice': {
    allowed: 'public',
    path: '/public/v1/publications/NO-SUCH-ID/notice',
    status: 404,
  },
  'GET /public/v1/agencies/{agencyId}/feeds/{format}': {
    allowed: 'public',
    path: '/public/v1/agencies/no-such-agency/feeds/json',
    status: 404,
  },
  'GET /public/v1/publications/{id}': {
    allowed: 'public',
    path: '/public/v1/publications/NO-SUCH-ID',
    status: 404,
  },
  'POST /v1/inspections': {
    allowed: ['officer', 'unit-head', 'admin'],
    path: '/v1/inspections',
    body: () => ({
      enterpriseCreditCode: '91350100M000100Y43',
      enterpriseName: '某公司',
      itemCode: 'NOT-LISTED',
      officers: ['T-1', 'T-2'],
      plannedOn: '2099-01-01',
    }),
  },
  'GET /v1/inspections': { allowed: everyone, path: '/v1/inspections' },
  'GET /v1/inspections/{id}': { allowed: everyone, path: '/v1/inspections/NO-SUCH-ID' },
  'POST /v1/inspections/{id}/approval': {
    allowed: ['unit-head'],
    path: '/v1/inspections/NO-SUCH-ID/approval',
  },
  'POST /v1/inspections/{id}/scan': {
    allowed: ['officer'],
    path: '/v1/inspections/NO-SUCH-ID/scan',
    body: () => ({ code: 'JGM1.x' }),
  },
  'GET /public/v1/agencies/{agencyId}/inspection-limits': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/inspection-limits`,
  },
  // INS-2: an officer or unit head drafts the plan, a unit head or administrator files it, its supervisory body and the public read it.
  'PUT /v1/inspection-plans/{year}': {
    allowed: ['officer', 'unit-head'],
    path: `/v1/inspection-plans/${planYear}`,
    body: () => ({
      items: [
        { itemCode: 'NOT-LISTED', plannedInspections: 1, enterpriseCategories: ['养老机构'], months: [5] },
      ],
    }),
  },
  'POST /v1/inspection-plans/{year}/filing': {
    allowed: ['unit-head', 'admin'],
    path: `/v1/inspection-plans/${planYear}/filing`,
  },
  'GET /v1/inspection-plans/{year}': { allowed: everyone, path: `/v1/inspection-plans/${planYear}` },
  'GET /v1/supervision/inspection-plans': {
    allowed: ['supervisor'],
    path: `/v1/supervision/inspection-plans?agencyId=${supervisedAgency}&year=${planYear}`,
  },
  'GET /public/v1/agencies/{agencyId}/inspection-plans/{year}': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/inspection-plans/${planYear}`,
    status: 404,
  },
  'GET /public/v1/agencies/{agencyId}/inspection-plans/{year}/pdf': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/inspection-plans/${planYear}/pdf`,
    status: 404,
  },
  'GET /v1/enterprise/code': { allowed: ['enterprise'], path: '/v1/enterprise/code' },
  'POST /v1/enterprise/code': { allowed: ['enterprise'], path: '/v1/enterprise/code' },
  'GET /v1/enterprise/inspections': { allowed: ['enterprise'], path: '/v1/enterprise/inspections' },
  'POST /v1/enterprise/inspections/{id}/rating': {
    allowed: ['enterprise'],
    path: '/v1/enterprise/inspections/NO-SUCH-ID/rating',
    body: () => ({ score: 3 }),
  },
  // SUP-2, SUP-3: the supervisory body opens matters and issues opinions; the agency reports.
  'POST /v1/supervision/matters': {
    allowed: ['supervisor'],
    path: '/v1/supervision/matters',
    body: () => ({
      agencyId: supervisedAgency,
      source: 'own-finding',
      subject: { practice: '以罚代管' },
      facts: '抽查发现多起案件只罚款不责令改正',
    }),
  },
  'GET /v1/supervision/matters': {
    allowed: ['supervisor', 'admin', 'leader', 'unit-head'],
    path: '/v1/supervision/matters',
  },
  'GET /v1/supervision/matters/{id}': {
    allowed: ['supervisor', 'admin', 'leader', 'unit-head'],
    path: '/v1/supervision/matters/NO-SUCH-ID',
  },
  'GET /v1/supervision/matters/{id}/journal': {
    allowed: ['supervisor', 'admin', 'leader', 'unit-head'],
    path: '/v1/supervision/matters/NO-SUCH-ID/journal',
  },
  'POST /v1/supervision/matters/{id}/opinions': {
    allowed: ['supervisor'],
    path: '/v1/supervision/matters/NO-SUCH-ID/opinions',
    body: () => ({ kind: 'opinion', ruleBroken: '违反《行政处罚法》第二十八条', rectifyBy: '2099-01-01' }),
  },
  'POST /v1/supervision/matters/{id}/referrals': {
    allowed: ['supervisor'],
    path: '/v1/supervision/matters/NO-SUCH-ID/referrals',
    body: () => ({
      kind: 'correction',
      reason: '事实不清',
      ruleBroken: '违反《行政处罚法》第四十条',
      correctBy: '2099-01-01',
    }),
  },
  'GET /v1/supervision/opinions/{id}/pdf': {
    allowed: ['supervisor', 'admin', 'leader', 'unit-head'],
    path: '/v1/supervision/opinions/NO-SUCH-ID/pdf',
  },
  'POST /v1/supervision/opinions/{id}/rectification': {
    allowed: ['admin', 'leader'],
    path: '/v1/supervision/opinions/NO-SUCH-ID/rectification',
    body: () => ({ report: '已逐案责令改正' }),
  },
  'POST /v1/supervision/opinions/{id}/acceptance': {
    allowed: ['supervisor'],
    path: '/v1/supervision/opinions/NO-SUCH-ID/acceptance',
    body: () => ({ accepted: true, note: '整改到位' }),
  },
  'GET /public/v1/agencies/{agencyId}/checklists/{kind}/diff': {
    allowed: 'public',
    path: `/public/v1/agencies/${agencyId}/checklists/matters/diff?from=1&to=2`,
    status: 404,
  },
};

beforeAll(async () => {
  api = await startTestApi();
  for (const role of ROLES)
    tokens.set(
      role,
      await api.token(
        // An enterprise has no agency: its token carries its credit code (INS-5).
        role === 'enterprise'
          ? { creditCode: '91350100M000100Y43', roles: [role] }
          : {
              agencyId,
              unitId: 'unit-1',
              roles: [role],
            },
      ),
    );
  // A supervisor opens matters against an agency it supervises, never its own (SUP-2): this
  // agency's body supervises another.
  await api.supervise(supervisedAgency, agencyId);
  const created = await api.call('POST', '/v1/officers', { token: tokens.get('admin'), body: officer });
  expect(created.status).toBe(201);
});
afterAll(() => api.close());

const routes = routeTable as RouteDef[];

describe('every route times every role, and no token', () => {
  it('covers every route of the route table', () => {
    expect(routes.map(routeKey).sort()).toEqual(Object.keys(expected).sort());
  });

  const matrix = Object.entries(expected).flatMap(([key, rule]) =>
    [...ROLES, 'no token' as const].map((caller) => ({ key, caller, rule })),
  );

  it.each(matrix)('$key as $caller', async ({ key, caller, rule }) => {
    const method = key.split(' ')[0] ?? 'GET';
    const token = caller === 'no token' ? undefined : tokens.get(caller);
    const body = rule.body?.();
    const response = await api.call(method, rule.path, {
      ...(token ? { token } : {}),
      ...(body ? { body } : {}),
    });
    if (rule.allowed === 'public') {
      expect(response.status).toBe(rule.status ?? 200);
    } else if (caller === 'no token') {
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    } else if (rule.allowed.includes(caller)) {
      expect(response.status).not.toBe(401);
      expect(response.status).not.toBe(403);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('a forged or expired token is refused with 401', async () => {
    const forged = `${tokens.get('admin')?.slice(0, -4)}AAAA`;
    const response = await api.call('GET', '/v1/officers', { token: forged });
    expect(response.status).toBe(401);
  });

  it('a token of another agency does not see this agency’s officers', async () => {
    const stranger = await api.token({ agencyId: newAgencyId(), roles: ['admin'] });
    expect((await api.call('GET', `/v1/officers/${officer.certificateNo}`, { token: stranger })).status).toBe(
      404,
    );
    const list = await api.call('GET', '/v1/officers', { token: stranger });
    expect(list.body.items).toEqual([]);
  });
});

/**
 * The unit axis: a case of unit-1 with its evidence, review and publication, read and written by
 * every agency role of unit-1 (not handling it) and of unit-2. Who reads what is written from
 * docs/api.md: the agency's review office, leaders, supervisors and admins see the agency; a unit
 * sees its own cases; a case file and its AV go only to its handlers, its unit head and the
 * agency-wide roles; a case is written by its handlers, its unit head and admins.
 */
describe('every unit-scoped route times every role, in the case’s unit and in another', () => {
  const WHOLE_AGENCY: readonly Role[] = ['admin', 'leader', 'reviewer', 'supervisor'];
  type Scope = 'unit' | 'entitled' | 'handle';
  const inScope = (scope: Scope, role: Role, own: boolean) =>
    scope === 'unit'
      ? own || WHOLE_AGENCY.includes(role)
      : scope === 'entitled'
        ? WHOLE_AGENCY.includes(role) || (role === 'unit-head' && own)
        : role === 'admin' || (role === 'unit-head' && own);
  const ids: Record<'case' | 'reviewCase' | 'record' | 'evidence' | 'review' | 'publication', string> = {
    case: '',
    record: '',
    reviewCase: '',
    evidence: '',
    review: '',
    publication: '',
  };
  const callers = new Map<string, string>();
  const second = officerInput();

  beforeAll(async () => {
    expect(
      (await api.call('POST', '/v1/officers', { token: tokens.get('admin'), body: second })).status,
    ).toBe(201);
    for (const role of AGENCY_ROLES)
      for (const unitId of ['unit-1', 'unit-2'])
        callers.set(
          `${role}@${unitId}`,
          await api.token({ sub: `${unitId}-${role}`, agencyId, unitId, roles: [role] }),
        );
    const handler = await api.token({
      sub: 'unit-1-handler',
      agencyId,
      unitId: 'unit-1',
      roles: ['officer'],
    });
    const pair = [officer.certificateNo, second.certificateNo];
    const register = async () => {
      const created = await api.call('POST', '/v1/cases', {
        token: handler,
        body: {
          category: 'penalty',
          procedure: 'simple',
          title: '股室范围案',
          party: { kind: 'person', name: '李四', idNumber: '530524199001011231' },
          officers: pair,
        },
      });
      expect(created.status, created.text).toBe(201);
      expect(created.body.unitId).toBe('unit-1');
      return created.body.id as string;
    };
    ids.case = await register();
    const interview = await api.call('POST', `/v1/cases/${ids.case}/activities`, {
      token: handler,
      body: { type: 'interview', officers: pair, location: '执法大队' },
    });
    expect(interview.status, interview.text).toBe(201);
    const declared = await recordEvidence(
      api,
      handler,
      ids.case,
      Buffer.from('an interview recording of unit-1'),
      {
        activityId: interview.body.id,
        fileName: '询问录音.m4a',
        contentType: 'audio/mp4',
        deviceId: 'DSJ-U1',
        officer: officer.certificateNo,
      },
    );
    ids.evidence = declared.id;
    const decided = await api.call('POST', `/v1/cases/${ids.case}/decision`, {
      token: handler,
      body: { type: 'penalty', summary: '给予警告', legalBasis: '第三十条', penalty: { kind: 'warning' } },
    });
    expect(decided.status, decided.text).toBe(201);
    const publications = await api.call('GET', '/v1/publications?limit=100', { token: tokens.get('admin') });
    ids.publication = publications.body.items.find(
      (item: { caseId: string }) => item.caseId === ids.case,
    )?.id;
    expect(ids.publication).toBeTruthy();

    ids.reviewCase = await register();
    const record = await api.call('POST', `/v1/cases/${ids.reviewCase}/records`, {
      token: handler,
      body: { type: 'closing-report', title: '结案报告', fields: { summary: '略', result: '结案' } },
    });
    expect(record.status, record.text).toBe(201);
    ids.record = record.body.id;
    const review = await api.call('POST', `/v1/cases/${ids.reviewCase}/reviews`, {
      token: handler,
      body: {
        materials: [record.body.id],
        proposal: {
          type: 'penalty',
          summary: '给予警告',
          legalBasis: '第三十条',
          penalty: { kind: 'warning' },
        },
      },
    });
    expect(review.status, review.text).toBe(201);
    ids.review = review.body.id;
  });

  const routes: { key: string; scope: Scope; path: () => string; body?: unknown }[] = [
    { key: 'GET /v1/cases/{id}', scope: 'unit', path: () => `/v1/cases/${ids.case}` },
    { key: 'GET /v1/cases/{id}/records', scope: 'unit', path: () => `/v1/cases/${ids.case}/records` },
    {
      key: 'GET /v1/cases/{id}/records/{recordId}/pdf',
      scope: 'unit',
      path: () => `/v1/cases/${ids.reviewCase}/records/${ids.record}/pdf`,
    },
    { key: 'GET /v1/cases/{id}/journal', scope: 'unit', path: () => `/v1/cases/${ids.case}/journal` },
    {
      key: 'GET /v1/cases/{id}/journal/verify',
      scope: 'unit',
      path: () => `/v1/cases/${ids.case}/journal/verify`,
    },
    {
      key: 'GET /v1/cases/{id}/review-requirement',
      scope: 'unit',
      path: () => `/v1/cases/${ids.case}/review-requirement`,
    },
    { key: 'GET /v1/cases/{id}/case-file', scope: 'entitled', path: () => `/v1/cases/${ids.case}/case-file` },
    { key: 'GET /v1/evidence/{id}', scope: 'unit', path: () => `/v1/evidence/${ids.evidence}` },
    {
      key: 'GET /v1/evidence/{id}/retrievals',
      scope: 'entitled',
      path: () => `/v1/evidence/${ids.evidence}/retrievals`,
    },
    {
      key: 'POST /v1/evidence/{id}/retrievals',
      scope: 'entitled',
      path: () => `/v1/evidence/${ids.evidence}/retrievals`,
      body: { purpose: 'dispute', reason: '行政复议调取' },
    },
    { key: 'GET /v1/reviews/{id}', scope: 'unit', path: () => `/v1/reviews/${ids.review}` },
    {
      key: 'GET /v1/publications/{id}/preview',
      scope: 'unit',
      path: () => `/v1/publications/${ids.publication}/preview`,
    },
    {
      key: 'POST /v1/evidence/{id}/legal-hold',
      scope: 'entitled',
      path: () => `/v1/evidence/${ids.evidence}/legal-hold`,
      body: { on: true, reason: '行政复议' },
    },
    {
      key: 'POST /v1/cases/{id}/records',
      scope: 'handle',
      path: () => `/v1/cases/${ids.reviewCase}/records`,
      body: { type: 'closing-report', title: '结案报告', fields: { summary: '略', result: '结案' } },
    },
    {
      key: 'POST /v1/cases/{id}/transitions',
      scope: 'handle',
      path: () => `/v1/cases/${ids.reviewCase}/transitions`,
      body: { to: 'investigating' },
    },
    {
      key: 'PUT /v1/cases/{id}/officers',
      scope: 'handle',
      path: () => `/v1/cases/${ids.reviewCase}/officers`,
      body: { officers: [officer.certificateNo, second.certificateNo], reason: '原执法人员调离' },
    },
    {
      key: 'POST /v1/publications/{id}/confirmation',
      scope: 'handle',
      path: () => `/v1/publications/${ids.publication}/confirmation`,
    },
  ];
  // Refusals first, so a write that goes through cannot change what a refusal meets.
  const matrix = routes.flatMap((route) =>
    [false, true].flatMap((own) => AGENCY_ROLES.map((role) => ({ ...route, role, own }))),
  );

  it.each(matrix)(
    '$key as $role, in the case’s unit: $own',
    async ({ key, scope, path, body, role, own }) => {
      const rule = expected[key];
      if (!rule || rule.allowed === 'public') throw new Error(`${key} is not a staff route of the matrix`);
      const token = callers.get(`${role}@${own ? 'unit-1' : 'unit-2'}`);
      const response = await api.call(key.split(' ')[0] ?? 'GET', path(), {
        ...(token ? { token } : {}),
        ...(body ? { body } : {}),
      });
      if (rule.allowed.includes(role) && inScope(scope, role, own)) {
        expect(response.status, response.text).not.toBe(403);
        expect(response.status, response.text).toBeLessThan(500);
      } else {
        expect(response.status, response.text).toBe(403);
        expect(response.text).not.toContain('530524199001011231');
      }
    },
  );

  it.each([false, true].flatMap((own) => AGENCY_ROLES.map((role) => ({ role, own }))))(
    'the case, review and publication lists as $role, in the case’s unit: $own',
    async ({ role, own }) => {
      const token = callers.get(`${role}@${own ? 'unit-1' : 'unit-2'}`);
      const sees = own || WHOLE_AGENCY.includes(role);
      const listed = async (path: string, id: string) => {
        const page = await api.call('GET', path, { ...(token ? { token } : {}) });
        expect(page.status, page.text).toBe(200);
        return page.body.items.some((item: { id: string }) => item.id === id);
      };
      expect(await listed('/v1/cases?limit=100', ids.case)).toBe(sees);
      expect(await listed('/v1/reviews?limit=100', ids.review)).toBe(sees);
      expect(await listed('/v1/publications?limit=100', ids.publication)).toBe(sees);
    },
  );

  it.each(['unit-head', 'admin', 'leader'] as const)(
    'late publications in the oversight list: a unit head sees their unit’s, the agency-wide roles all (%s)',
    async (role) => {
      await api.call('POST', '/dev/clock', {
        body: { now: new Date(Date.now() + 40 * 86400_000).toISOString() },
      });
      try {
        const lateIn = async (unitId: string) => {
          const answer = await api.call('GET', '/v1/oversight/overdue', {
            token: callers.get(`${role}@${unitId}`),
          });
          expect(answer.status, answer.text).toBe(200);
          return answer.body.publications.some((item: { id: string }) => item.id === ids.publication);
        };
        expect(await lateIn('unit-1')).toBe(true);
        expect(await lateIn('unit-2')).toBe(role !== 'unit-head');
      } finally {
        await api.call('DELETE', '/dev/clock');
      }
    },
  );
});
