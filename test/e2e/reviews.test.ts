import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { REVIEW_STANDARDS } from '#shared/legal-review/domain/review.ts';
import { countyReviewCatalog } from '#test/fixtures/checklists.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { completePenaltyProcedure } from '#test/helpers/procedure.ts';
import { recountStatistics } from '#test/helpers/recount.ts';

let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const a = officerInput({ name: '承办甲', userId: 'handler-a' });
const b = officerInput({ name: '承办乙', userId: 'handler-b' });
const person = { kind: 'person', name: '李四', idNumber: '530524198001011237' };
const fine = (amount: number) => ({
  type: 'penalty',
  summary: '对当事人处以罚款',
  legalBasis: '《养老机构管理办法》第四十六条',
  penalty: { kind: 'fine', amount },
});

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ sub: 'admin', agencyId, roles: ['admin'] });
  t.handler = await api.token({ sub: 'handler-a', agencyId, roles: ['officer'] });
  t.handlerAsReviewer = await api.token({ sub: 'handler-a', agencyId, roles: ['officer', 'reviewer'] });
  t.head = await api.token({ sub: 'head', agencyId, roles: ['unit-head'] });
  t.reviewer = await api.token({ sub: 'reviewer-1', name: '审核员王', agencyId, roles: ['reviewer'] });
  t.newReviewer = await api.token({ sub: 'reviewer-2', agencyId, roles: ['reviewer'] });
  t.leader = await api.token({ sub: 'leader', name: '局长', agencyId, roles: ['leader'] });
  await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '测试局', region: '昌宁县', documentPrefix: '昌民', units: [] },
  });
  for (const officer of [a, b]) await api.call('POST', '/v1/officers', { token: t.admin, body: officer });
  const catalog = await api.call('POST', '/v1/checklists', {
    token: t.handler,
    body: { kind: 'review-catalog', title: '法制审核目录清单', items: countyReviewCatalog },
  });
  await api.call('POST', `/v1/checklists/${catalog.body.id}/publish`, { token: t.head });
  await api.call('PUT', '/v1/reviewers/reviewer-1', {
    token: t.admin,
    body: {
      name: '审核员王',
      legalQualificationNo: 'A20201234567',
      qualifiedOn: '2020-03-01',
      trainings: [{ title: '行政处罚法专题培训', date: '2026-05-10', hours: 8 }],
    },
  });
  await api.call('PUT', '/v1/reviewers/reviewer-2', {
    token: t.admin,
    body: { name: '新审核员', reviewingSince: '2026-01-01' },
  });
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

async function caseReadyForDecision() {
  const created = await api.call('POST', '/v1/cases', {
    token: t.handler,
    body: {
      category: 'penalty',
      title: '某机构违规收费案',
      party: person,
      officers: [a.certificateNo, b.certificateNo],
    },
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  for (const to of ['investigating', 'pending-decision']) {
    await api.call('POST', `/v1/cases/${id}/transitions`, { token: t.handler, body: { to } });
  }
  const { notice } = await completePenaltyProcedure(api, t.handler as string, id);
  return { id, materials: [notice.id] };
}

const opinion = (problems: Partial<Record<(typeof REVIEW_STANDARDS)[number], string>> = {}) => ({
  findings: REVIEW_STANDARDS.map((standard) =>
    problems[standard]
      ? { standard, result: 'problem', note: problems[standard] }
      : { standard, result: 'pass' },
  ),
  conclusion: Object.keys(problems).length > 0 ? 'problems' : 'approved',
  opinion: Object.keys(problems).length > 0 ? '存在问题，请补正后再送审' : '同意作出该处罚决定',
});

describe('legal review of major decisions', () => {
  it('[REV-2] the catalog says before submission whether review is needed, and why', async () => {
    const { id } = await caseReadyForDecision();
    const major = await api.call('GET', `/v1/cases/${id}/review-requirement?penaltyKind=fine&amount=20000`, {
      token: t.handler,
    });
    expect(major.body).toEqual({
      required: true,
      matched: [{ code: 'R01', title: '对公民处以1万元以上罚款', source: 'catalog' }],
    });
    const minor = await api.call(
      'GET',
      `/v1/cases/${id}/review-requirement?penaltyKind=fine&amount=9999.99`,
      { token: t.handler },
    );
    expect(minor.body).toEqual({ required: false, matched: [] });
  });

  it('[REV-2] [LAW-3] a major decision without an approved review is refused; a non-major one is decided and scheduled for publication', async () => {
    const major = await caseReadyForDecision();
    const refused = await api.call('POST', `/v1/cases/${major.id}/decision`, {
      token: t.handler,
      body: fine(20000),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'REVIEW_REQUIRED', rules: [{ code: 'R01' }] });

    const minor = await caseReadyForDecision();
    const decided = await api.call('POST', `/v1/cases/${minor.id}/decision`, {
      token: t.handler,
      body: { type: 'penalty', summary: '警告', legalBasis: '第四十六条', penalty: { kind: 'warning' } },
    });
    expect(decided.status, decided.text).toBe(201);
    expect(decided.body.publication.id).toBeTruthy();
    expect(decided.body.publication.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await api.call('GET', `/v1/cases/${minor.id}`, { token: t.handler })).body.status).toBe(
      'decided',
    );
  });

  it('[REV-5] a submission must include the materials its catalog rule requires; the due date follows the agency setting', async () => {
    const { id } = await caseReadyForDecision();
    const interview = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'interview-record',
        title: '询问笔录',
        fields: {
          interviewee: '李四',
          place: '局会议室',
          startedAt: '2026-11-20T09:00:00+08:00',
          endedAt: '2026-11-20T09:30:00+08:00',
          questionsAndAnswers: [{ question: '是否收费？', answer: '是' }],
        },
      },
    });
    const missing = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials: [interview.body.id], proposal: fine(20000) },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({
      code: 'MATERIALS_MISSING',
      details: [{ message: '缺少行政处罚事先告知书' }],
    });
    await api.call('PUT', '/v1/agency', {
      token: t.admin,
      body: { name: '测试局', region: '昌宁县', documentPrefix: '昌民', units: [], reviewWorkingDays: 3 },
    });
    const { id: other, materials } = await caseReadyForDecision();
    const review = await api.call('POST', `/v1/cases/${other}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(20000) },
    });
    const expected = await api.call(
      'GET',
      `/v1/calendar/deadline?from=${legalDateOf(new Date(review.body.rounds[0].submittedAt))}&workingDays=3`,
      {
        token: t.handler,
      },
    );
    expect(review.body.dueBy).toBe(expected.body.dueBy);
    await api.call('PUT', '/v1/agency', {
      token: t.admin,
      body: { name: '测试局', region: '昌宁县', documentPrefix: '昌民', units: [] },
    });
  });

  it('[REV-1] a reviewer who handled the case is refused; [REV-6] [LAW-3] an unqualified first-time reviewer too', async () => {
    const { id, materials } = await caseReadyForDecision();
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(20000) },
    });
    expect(review.status, review.text).toBe(201);
    expect(review.body).toMatchObject({ status: 'pending', round: 1 });
    expect(review.body.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const path = `/v1/reviews/${review.body.id}/opinions`;
    expect((await api.call('POST', path, { token: t.handlerAsReviewer, body: opinion() })).status).toBe(403);
    const unqualified = await api.call('POST', path, { token: t.newReviewer, body: opinion() });
    expect(unqualified.status).toBe(422);
    expect(unqualified.body.error.code).toBe('REVIEWER_NOT_QUALIFIED');
    const reviewers = await api.call('GET', '/v1/reviewers', { token: t.leader });
    expect(reviewers.body.items).toContainEqual(
      expect.objectContaining({
        userId: 'reviewer-1',
        legalQualificationNo: 'A20201234567',
        trainings: [expect.objectContaining({ hours: 8 })],
      }),
    );
  });

  it('[REV-3] [REV-4] two rounds: problems found, answered and resubmitted, then approved and decided; every round is kept', async () => {
    const { id, materials } = await caseReadyForDecision();
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(20000) },
    });
    const reviewId = review.body.id;
    const incomplete = await api.call('POST', `/v1/reviews/${reviewId}/opinions`, {
      token: t.reviewer,
      body: {
        findings: [{ standard: 'procedure', result: 'pass' }],
        conclusion: 'approved',
        opinion: '同意',
      },
    });
    expect(incomplete.status).toBe(400);
    const first = await api.call('POST', `/v1/reviews/${reviewId}/opinions`, {
      token: t.reviewer,
      body: opinion({ 'facts-and-evidence': '缺少收费凭证', documents: '告知书未载明听证权利期限' }),
    });
    expect(first.body).toMatchObject({ status: 'problems', round: 1 });
    expect(
      (await api.call('POST', `/v1/cases/${id}/decision`, { token: t.handler, body: fine(20000) })).status,
    ).toBe(422);

    const partial = await api.call('POST', `/v1/reviews/${reviewId}/resubmissions`, {
      token: t.handler,
      body: { responses: [{ standard: 'facts-and-evidence', note: '已补充收费凭证' }] },
    });
    expect(partial.status).toBe(400);
    const second = await api.call('POST', `/v1/reviews/${reviewId}/resubmissions`, {
      token: t.handler,
      body: {
        responses: [
          { standard: 'facts-and-evidence', note: '已补充收费凭证' },
          { standard: 'documents', note: '已重新制作告知书' },
        ],
      },
    });
    expect(second.body).toMatchObject({ status: 'pending', round: 2 });
    const approved = await api.call('POST', `/v1/reviews/${reviewId}/opinions`, {
      token: t.reviewer,
      body: opinion(),
    });
    expect(approved.body).toMatchObject({ status: 'approved', round: 2 });
    expect(approved.body.rounds).toHaveLength(2);
    expect(approved.body.rounds[0].opinion).toMatchObject({
      conclusion: 'problems',
      reviewer: 'reviewer-1',
      reviewerName: '审核员王',
    });
    expect(approved.body.rounds[1].responses).toHaveLength(2);
    expect(approved.body.rounds[0].attestation).toContain('真实、完整');

    const decided = await api.call('POST', `/v1/cases/${id}/decision`, {
      token: t.handler,
      body: fine(20000),
    });
    expect(decided.status, decided.text).toBe(201);
    const types = (await api.call('GET', `/v1/cases/${id}/journal`, { token: t.reviewer })).body.entries.map(
      (entry: { type: string }) => entry.type,
    );
    expect(types).toEqual(
      expect.arrayContaining(['review.submitted', 'review.opinion', 'review.resubmitted', 'decision.issued']),
    );
  });

  it('[REV-2] a proposal changed after approval needs a new review', async () => {
    const { id, materials } = await caseReadyForDecision();
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(20000) },
    });
    await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, { token: t.reviewer, body: opinion() });
    const changed = await api.call('POST', `/v1/cases/${id}/decision`, {
      token: t.handler,
      body: fine(30000),
    });
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('REVIEW_REQUIRED');
    expect(changed.body.error.message).toContain('不一致');
    expect(
      (await api.call('POST', `/v1/cases/${id}/decision`, { token: t.handler, body: fine(20000) })).status,
    ).toBe(201);
  });

  it('[REV-2] without a proposal in the submission, the review approves the decision last refused for lack of review', async () => {
    const { id, materials } = await caseReadyForDecision();
    expect(
      (await api.call('POST', `/v1/cases/${id}/decision`, { token: t.handler, body: fine(20000) })).status,
    ).toBe(422);
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials },
    });
    expect(review.body.proposal).toMatchObject({ penalty: { kind: 'fine', amount: 20000 } });
    await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, { token: t.reviewer, body: opinion() });
    const changed = await api.call('POST', `/v1/cases/${id}/decision`, {
      token: t.handler,
      body: fine(30000),
    });
    expect(changed.body.error.code).toBe('REVIEW_REQUIRED');
    expect(
      (await api.call('POST', `/v1/cases/${id}/decision`, { token: t.handler, body: fine(20000) })).status,
    ).toBe(201);
    const types = (await api.call('GET', `/v1/cases/${id}/journal`, { token: t.handler })).body.entries.map(
      (entry: { type: string }) => entry.type,
    );
    expect(types.filter((type: string) => type === 'decision.review-required')).toHaveLength(2);
  });

  it('[REV-5] the handling unit disputes an opinion; the leader rules, finally, and the ruling is recorded', async () => {
    const { id, materials } = await caseReadyForDecision();
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(20000) },
    });
    const reviewId = review.body.id;
    await api.call('POST', `/v1/reviews/${reviewId}/opinions`, {
      token: t.reviewer,
      body: opinion({ 'legal-basis-and-discretion': '罚款数额偏高' }),
    });
    const disputed = await api.call('POST', `/v1/reviews/${reviewId}/disputes`, {
      token: t.handler,
      body: { reason: '数额在裁量基准范围内' },
    });
    expect(disputed.body.status).toBe('disputed');
    const notLeader = await api.call('POST', `/v1/reviews/${reviewId}/rulings`, {
      token: t.reviewer,
      body: { conclusion: 'approved', note: 'x' },
    });
    expect(notLeader.status).toBe(403);
    const ruled = await api.call('POST', `/v1/reviews/${reviewId}/rulings`, {
      token: t.leader,
      body: { conclusion: 'approved', note: '经局长办公会研究，同意按原方案处理' },
    });
    expect(ruled.body).toMatchObject({
      status: 'approved',
      ruling: { by: 'leader', byName: '局长', conclusion: 'approved' },
    });
    expect(
      (await api.call('POST', `/v1/cases/${id}/decision`, { token: t.handler, body: fine(20000) })).status,
    ).toBe(201);
  });

  it('[REV-3] a suspected crime records the transfer to the judicial organs and blocks the decision', async () => {
    const { id, materials } = await caseReadyForDecision();
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(20000) },
    });
    const transferred = await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, {
      token: t.reviewer,
      body: opinion({ 'criminal-transfer': '涉嫌诈骗，数额较大，应移送公安机关' }),
    });
    expect(transferred.body).toMatchObject({ status: 'transferred', transfer: { by: 'reviewer-1' } });
    const blocked = await api.call('POST', `/v1/cases/${id}/decision`, {
      token: t.handler,
      body: fine(20000),
    });
    expect(blocked.body.error.code).toBe('CRIMINAL_TRANSFER');
  });

  it('[REV-5] a review past its due date is flagged by the scheduled job', async () => {
    const { id, materials } = await caseReadyForDecision();
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(20000) },
    });
    await api.call('POST', '/dev/clock', { body: { now: `${review.body.dueBy}T20:00:00+08:00` } });
    await api.call('POST', '/dev/jobs/review-overdue');
    expect(
      (await api.call('GET', `/v1/reviews/${review.body.id}`, { token: t.leader })).body.overdue,
    ).toBeUndefined();
    const later = new Date(`${review.body.dueBy}T12:00:00+08:00`);
    later.setUTCDate(later.getUTCDate() + 1);
    await api.call('POST', '/dev/clock', { body: { now: later.toISOString() } });
    const run = await api.call('POST', '/dev/jobs/review-overdue');
    await api.call('DELETE', '/dev/clock');
    expect(run.body.result.flagged).toContain(review.body.id);
    expect((await api.call('GET', `/v1/reviews/${review.body.id}`, { token: t.leader })).body.overdue).toBe(
      true,
    );
    const extended = await api.call('POST', `/v1/reviews/${review.body.id}/extensions`, {
      token: t.leader,
      body: { workingDays: 5, reason: '案情复杂，需补充调查' },
    });
    expect(extended.body.dueBy > review.body.dueBy).toBe(true);
    const twice = await api.call('POST', `/v1/reviews/${review.body.id}/extensions`, {
      token: t.leader,
      body: { workingDays: 5, reason: '再次延期' },
    });
    expect(twice.status).toBe(409);
  });
});

describe('working-day deadlines', () => {
  it('[LAW-8] [PUB-9] 7 working days from 2026-09-28 is 2026-10-13 (National Day, and Saturday 10-10 is a working day)', async () => {
    const response = await api.call('GET', '/v1/calendar/deadline?from=2026-09-28&workingDays=7', {
      token: t.handler,
    });
    expect(response.body).toEqual({ dueBy: '2026-10-13', calendarVersions: { 2026: 0 } });
  });

  it('[LAW-8] a deadline into a year with no loaded calendar is not guessed; once loaded it is computed', async () => {
    const refused = await api.call('GET', '/v1/calendar/deadline?from=2026-12-28&workingDays=7', {
      token: t.handler,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'CALENDAR_NOT_CONFIRMED', year: 2027 });
    const calendarAdmin = await api.token({
      sub: 'province-justice',
      agencyId: 'yunnan-sft',
      roles: ['calendar-admin'],
    });
    const loaded = await api.call('PUT', '/v1/calendar/2027', {
      token: calendarAdmin,
      body: { holidays: ['2027-01-01'], workdays: [], source: '国务院办公厅关于2027年部分节假日安排的通知' },
    });
    expect(loaded.body).toMatchObject({ year: 2027, version: 1, loadedBy: 'province-justice' });
    const computed = await api.call('GET', '/v1/calendar/deadline?from=2026-12-28&workingDays=7', {
      token: t.handler,
    });
    expect(computed.body).toEqual({ dueBy: '2027-01-07', calendarVersions: { 2026: 0, 2027: 1 } });
    const wrongYear = await api.call('PUT', '/v1/calendar/2028', {
      token: calendarAdmin,
      body: { holidays: ['2027-05-01'], workdays: [] },
    });
    expect(wrongYear.status).toBe(400);
  });
});

describe('a full penalty case', () => {
  it('[LAW-4] runs from registration to archive with AV evidence, legal review, a verified journal and a case file', async () => {
    const { id, materials } = await caseReadyForDecision();
    const site = await api.call('POST', `/v1/cases/${id}/activities`, {
      token: t.handler,
      body: { type: 'service', officers: [a.certificateNo, b.certificateNo] },
    });
    const bytes = Buffer.from('service recording');
    const evidence = await api.call('POST', `/v1/cases/${id}/evidence`, {
      token: t.handler,
      body: {
        activityId: site.body.id,
        fileName: '送达.mp4',
        contentType: 'video/mp4',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        capturedAt: '2026-11-21T10:00:00+08:00',
        deviceId: 'DSJ-9',
        officer: a.certificateNo,
      },
    });
    await fetch(evidence.body.upload.url, {
      method: 'PUT',
      headers: evidence.body.upload.headers,
      body: bytes,
    });
    await api.call('POST', '/dev/evidence-arrivals');
    expect(
      (await api.call('POST', `/v1/cases/${id}/activities/${site.body.id}/complete`, { token: t.handler }))
        .status,
    ).toBe(200);
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(20000) },
    });
    await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, { token: t.reviewer, body: opinion() });
    expect(
      (await api.call('POST', `/v1/cases/${id}/decision`, { token: t.handler, body: fine(20000) })).status,
    ).toBe(201);
    for (const to of ['served', 'executed', 'closed', 'archived']) {
      const moved = await api.call('POST', `/v1/cases/${id}/transitions`, { token: t.handler, body: { to } });
      expect(moved.body.status, moved.text).toBe(to);
    }
    expect((await api.call('GET', `/v1/cases/${id}/journal/verify`, { token: t.leader })).body.ok).toBe(true);
    const file = await fetch(`${api.url}/v1/cases/${id}/case-file`, {
      headers: { authorization: `Bearer ${t.leader}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/zip');
  });
});

describe('oversight', () => {
  it('[REC-9] [ORG-1] [REC-10] [PUB-13] statistics count cases, reviews, publication timeliness and AV coverage from the records', async () => {
    const year = new Date().toISOString().slice(0, 4);
    const stats = await api.call('GET', `/v1/stats?from=${year}-01-01&to=${year}-12-31`, { token: t.leader });
    expect(stats.status, stats.text).toBe(200);
    expect(stats.body.cases.registered).toBeGreaterThanOrEqual(9);
    expect(stats.body.cases.byCategory.penalty).toBe(stats.body.cases.registered);
    expect(stats.body.reviews.byStatus).toMatchObject({ transferred: 1 });
    const reviews = (await api.call('GET', '/v1/reviews', { token: t.leader })).body.items as {
      overdue?: boolean;
    }[];
    expect(stats.body.reviews.overdue).toBe(reviews.filter((review) => review.overdue).length);
    expect(stats.body.reviews.overdue).toBeGreaterThanOrEqual(1);
    expect(stats.body.reviews.submitted).toBe(reviews.length);
    expect(stats.body.av.activitiesNeedingAv).toBe(1);
    expect(stats.body.av.coverageRate).toBe(1);
    // The one recording came from DSJ-9, which this agency never registered, at a service where
    // nobody recorded that certificates were shown and rights told.
    expect(stats.body.av).toMatchObject({ unregisteredDeviceEvidence: 1, informingNotRecorded: 1 });
    expect(stats.body.publications.decisions).toBeGreaterThanOrEqual(5);
    const empty = await api.call('GET', '/v1/stats?from=2001-01-01&to=2001-12-31', { token: t.leader });
    expect(empty.body).toMatchObject({ cases: { registered: 0 }, av: { coverageRate: null } });
    expect(
      (await api.call('GET', `/v1/stats?from=${year}-12-31&to=${year}-01-01`, { token: t.leader })).status,
    ).toBe(400);
  });

  it('[REC-9] [ORG-1] the day counters kept in every commit agree with a recount of every record', async () => {
    const year = new Date().toISOString().slice(0, 4);
    for (const [from, to] of [
      [`${year}-01-01`, `${year}-12-31`],
      [legalDateOf(new Date()), legalDateOf(new Date())],
      ['2001-01-01', '2001-12-31'],
    ] as const) {
      const stats = await api.call('GET', `/v1/stats?from=${from}&to=${to}`, { token: t.leader });
      const { agencyId: _a, from: _f, to: _t, training: _training, ...counted } = stats.body;
      expect(counted).toEqual(await recountStatistics(agencyId, from, to));
    }
  });

  it('[ORG-3] [ORG-1] trainings of officers and key staff are recorded and counted; the statistics export as a workbook and an evaluation report', async () => {
    const year = new Date().toISOString().slice(0, 4);
    const recorded = await api.call('POST', `/v1/officers/${a.certificateNo}/trainings`, {
      token: t.admin,
      body: { title: '行政执法三项制度专题培训', date: `${year}-06-18`, hours: 6, keyStaff: true },
    });
    expect(recorded.status, recorded.text).toBe(201);
    await api.call('POST', `/v1/officers/${b.certificateNo}/trainings`, {
      token: t.admin,
      body: { title: '执法记录仪使用培训', date: `${year}-07-02`, hours: 2 },
    });
    const listed = await api.call('GET', `/v1/officers/${a.certificateNo}/trainings`, { token: t.handler });
    expect(listed.body.items.map((item: { title: string }) => item.title)).toEqual([
      '行政执法三项制度专题培训',
    ]);
    const unknown = await api.call('POST', '/v1/officers/NO-SUCH-CERT/trainings', {
      token: t.admin,
      body: { title: '培训', date: `${year}-06-18`, hours: 1 },
    });
    expect(unknown.status).toBe(404);
    const stats = await api.call('GET', `/v1/stats?from=${year}-01-01&to=${year}-12-31`, { token: t.leader });
    expect(stats.body.training).toEqual({ sessions: 2, hours: 8, officersTrained: 2, keyStaffSessions: 1 });
    const exported = await fetch(`${api.url}/v1/stats/export?from=${year}-01-01&to=${year}-12-31`, {
      headers: { authorization: `Bearer ${t.leader}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const rows = new Map<string, unknown>();
    workbook.worksheets[0]?.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('培训场次')).toBe(2);
    expect(rows.get('立案数')).toBe(stats.body.cases.registered);
    const evaluation = await fetch(`${api.url}/v1/evaluation-report?from=${year}-01-01&to=${year}-12-31`, {
      headers: { authorization: `Bearer ${t.leader}` },
    });
    expect(evaluation.status).toBe(200);
    expect(
      Buffer.from(await evaluation.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('[LAW-7] [ORG-1] the annual data covers every category with 0 where none; published on 2 January it is fixed, and a correction is a new version', async () => {
    const year = Number(new Date().toISOString().slice(0, 4));
    const draft = await api.call('GET', `/public/v1/agencies/${agencyId}/annual-reports/${year}`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', version: null, agencyName: '测试局' });
    expect(Object.keys(draft.body.data)).toEqual([
      'licensing',
      'penalty',
      'coercion',
      'levy',
      'requisition',
      'inspection',
      'other',
    ]);
    expect(draft.body.data).toMatchObject({
      licensing: 0,
      coercion: 0,
      levy: 0,
      requisition: 0,
      inspection: 0,
    });
    const decided = draft.body.data.penalty as number;
    expect(decided).toBeGreaterThanOrEqual(5);
    const lastYear = await api.call('GET', `/public/v1/agencies/${agencyId}/annual-reports/${year - 1}`);
    expect(lastYear.body).toMatchObject({ status: 'overdue', data: { penalty: 0 } });

    await api.call('POST', '/dev/clock', { body: { now: `${year + 1}-01-02T09:00:00+08:00` } });
    const job = await api.call('POST', '/dev/jobs/annual-report');
    expect(job.body.result.published).toContain(agencyId);
    const again = await api.call('POST', '/dev/jobs/annual-report');
    expect(again.body.result.published).not.toContain(agencyId);
    const published = await api.call('GET', `/public/v1/agencies/${agencyId}/annual-reports/${year}`);
    expect(published.body).toMatchObject({ status: 'published', version: 1, data: { penalty: decided } });
    // A decision dated in that year changes nothing once the report is published ...
    const late = await caseReadyForDecision();
    await api.call('POST', '/dev/clock', { body: { now: `${year}-12-31T09:00:00+08:00` } });
    await api.call('POST', `/v1/cases/${late.id}/decision`, {
      token: t.handler,
      body: { type: 'penalty', summary: '警告', legalBasis: '第四十六条', penalty: { kind: 'warning' } },
    });
    await api.call('POST', '/dev/clock', { body: { now: `${year + 1}-01-10T09:00:00+08:00` } });
    const fixed = await api.call('GET', `/public/v1/agencies/${agencyId}/annual-reports/${year}`);
    expect(fixed.body.data.penalty).toBe(decided);
    // ... until a correction publishes a new version; the first stays readable.
    const corrected = await api.call('POST', `/v1/annual-reports/${year}/corrections`, {
      token: t.admin,
      body: { reason: '补录12月31日作出的处罚决定' },
    });
    await api.call('DELETE', '/dev/clock');
    expect(corrected.status, corrected.text).toBe(201);
    expect(corrected.body).toMatchObject({ version: 2, data: { penalty: decided + 1 } });
    const first = await api.call('GET', `/public/v1/agencies/${agencyId}/annual-reports/${year}?version=1`);
    expect(first.body).toMatchObject({ version: 1, data: { penalty: decided } });
    const current = await api.call('GET', `/public/v1/agencies/${agencyId}/annual-reports/${year}`);
    expect(current.body.versions.map((item: { version: number }) => item.version)).toEqual([1, 2]);
    const printable = await fetch(
      `${api.url}/public/v1/agencies/${agencyId}/annual-reports/${year}/pdf?version=1`,
    );
    expect(printable.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await printable.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
