import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

/**
 * The yearly supervision report (SUP-6) through the local HTTP API: a year of one supervisory
 * body's work on one agency, made through the routes people use, then the report the
 * `supervision-report` job publishes on 2 January, checked figure by figure against what was made.
 */
let api: TestApi;
const agencyId = newAgencyId();
const bodyId = `sfj-${agencyId}`;
const officer = officerInput({ name: '钱多多' });
const partner = officerInput({ name: '孙有才' });
const COMPLAINANT = '欧阳明月';
const PARTY = '司马长风';
const t: Record<string, string> = {};
/** What the year held, as it was made. */
const made = { lateComplaint: '', evaluationId: '' };

const json = (path: string, token?: string, body?: unknown) =>
  api.call(body === undefined ? 'GET' : 'POST', path, {
    ...(token ? { token } : {}),
    ...(body ? { body } : {}),
  });
const at = (now: string) => api.call('POST', '/dev/clock', { body: { now } });
const ok = async <R extends { status: number; text: string; body: unknown }>(
  response: Promise<R>,
  status = 200,
): Promise<R['body']> => {
  const answered = await response;
  expect(answered.status, answered.text).toBe(status);
  return answered.body;
};
const reportPath = (year: number | string, id = bodyId) =>
  `/public/v1/supervisory-bodies/${id}/reports/${year}`;

async function closedCase(title: string): Promise<string> {
  const created = await ok(
    json('/v1/cases', t.officer, {
      category: 'penalty',
      procedure: 'simple',
      title,
      party: { kind: 'person', name: PARTY, idNumber: '530524199001011231' },
      officers: [officer.certificateNo, partner.certificateNo],
    }),
    201,
  );
  await ok(json(`/v1/cases/${created.id}/transitions`, t.officer, { to: 'closed' }));
  return created.id;
}

beforeAll(async () => {
  api = await startTestApi();
  await at('2026-03-02T02:00:00Z');
  // The platform administrator names the body that supervises the agency (ORG-6).
  const platform = await api.token({ agencyId: 'platform', roles: ['platform-admin'] });
  await ok(
    json('/v1/agencies', platform, {
      agencyId,
      name: '昌宁县报告测试局',
      subjectListItem: '昌宁县报告测试局（行政执法主体清单第 30 项）',
      supervisedBy: [bodyId],
      firstAdmin: { name: '段志华', phone: '13900000031' },
    }),
    201,
  );
  t.admin = await api.token({ agencyId, roles: ['admin'] });
  t.leader = await api.token({ agencyId, roles: ['leader'], name: '李局长' });
  t.officer = await api.token({ sub: officer.userId, agencyId, unitId: 'unit-1', roles: ['officer'] });
  t.supervisor = await api.token({
    agencyId: bodyId,
    roles: ['supervisor'],
    name: '何监督',
  });
  // The agency's own profile keeps who supervises it; its admin adds the unit its officer works in.
  await ok(
    api.call('PUT', '/v1/agency', {
      token: t.admin,
      body: { name: '昌宁县报告测试局', region: '昌宁县', units: [{ id: 'unit-1', name: '执法股' }] },
    }),
  );
  const bodyAdmin = await api.token({ agencyId: bodyId, roles: ['admin'] });
  await ok(
    api.call('PUT', '/v1/agency', {
      token: bodyAdmin,
      body: { name: '昌宁县报告测试司法局', region: '昌宁县', documentPrefix: '昌报司', units: [] },
    }),
  );
  for (const each of [officer, partner]) await ok(json('/v1/officers', t.admin, each), 201);
}, 120_000);
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

const complaint = (text: string) =>
  ok(
    json('/public/v1/complaints', undefined, {
      about: { kind: 'officer', ref: officer.certificateNo },
      agencyId,
      text,
      contact: `${COMPLAINANT} 13800000031`,
    }),
    201,
  );
const complaintIds = async () =>
  (
    (await ok(json(`/v1/complaints?agencyId=${agencyId}`, t.supervisor))).items as { complaintId: string }[]
  ).map((item) => item.complaintId);
const answer = (complaintId: string, text: string) =>
  ok(json(`/v1/complaints/${complaintId}/answer`, t.leader, { answer: text }));
const open = (body: Record<string, unknown>) =>
  ok(json('/v1/supervision/matters', t.supervisor, { agencyId, facts: '群众反映执法不规范', ...body }), 201);
const issue = (matterId: string, kind: string, rectifyBy: string) =>
  ok(
    json(`/v1/supervision/matters/${matterId}/opinions`, t.supervisor, {
      kind,
      ruleBroken: '违反《行政处罚法》第五十四条',
      rectifyBy,
    }),
    201,
  );
const reportRectification = (opinionId: string, report: string) =>
  ok(json(`/v1/supervision/opinions/${opinionId}/rectification`, t.leader, { report }));
const acceptance = (opinionId: string, accepted: boolean) =>
  ok(
    json(`/v1/supervision/opinions/${opinionId}/acceptance`, t.supervisor, {
      accepted,
      note: accepted ? '整改到位' : '缺少立案审批表',
    }),
  );

describe('the yearly supervision report (SUP-6) through the local HTTP API', () => {
  it('[SUP-6] a year of matters, opinions, rectifications, an evaluation and complaints is published on 2 January, every figure as made', async () => {
    // Complaints: three about the officer; one answered on time, one late (after its 60 days), one never.
    await complaint(`我是${COMPLAINANT}，检查时未出示执法证件`);
    const [onTime] = await complaintIds();
    await answer(onTime ?? '', '经核实，已对该执法人员批评教育');
    await complaint(`我是${COMPLAINANT}，当场罚款未开票据`);
    const late = (await complaintIds()).find((id) => id !== onTime) ?? '';
    made.lateComplaint = late;
    await complaint('窗口人员推诿扯皮');
    // Matters from three sources; an opinion returned once, reported again late and accepted; a recommendation never rectified.
    const hotline = await open({
      source: '12345热线转办',
      sourceRef: '12345-20260301-0042',
      subject: { practice: '有案不立' },
    });
    const own = await open({ source: '监督机关自行发现', subject: { practice: '以罚代管' } });
    await open({ source: '投诉举报', sourceRef: late, subject: { practice: '当场收缴罚款不开票据' } });
    const opinion = (await issue(hotline.matterId, 'opinion', '2026-03-20')).opinions[0];
    expect(opinion.number).toBe('昌报司监意〔2026〕1号');
    const recommendation = (await issue(own.matterId, 'recommendation', '2026-04-30')).opinions[0];
    await reportRectification(opinion.opinionId, '已对三件举报补办立案');
    await acceptance(opinion.opinionId, false);
    await at('2026-03-25T02:00:00Z');
    await reportRectification(opinion.opinionId, '已补齐立案审批表');
    expect((await acceptance(opinion.opinionId, true)).status).toBe('closed');
    // An evaluation of three files closed in March: one below the pass mark opens a matter.
    const files = [
      await closedCase('三月结案的案件一'),
      await closedCase('三月结案的案件二'),
      await closedCase('三月结案的案件三'),
    ];
    await at('2026-04-02T02:00:00Z');
    const drawn = await ok(
      json('/v1/supervision/evaluations', t.supervisor, {
        agencyId,
        from: '2026-03-01',
        to: '2026-03-31',
        sampleSize: 2,
        rubricId: 'case-file-2026',
        seed: 'report-2026',
      }),
      201,
    );
    made.evaluationId = drawn.id;
    const [passing, failing] = (drawn.files as { caseId: string }[]).map((file) => file.caseId);
    expect(files).toEqual(expect.arrayContaining([passing, failing]));
    const rubric = {
      'agency-officers': 10,
      procedure: 25,
      evidence: 20,
      'basis-discretion': 20,
      documents: 15,
      archiving: 10,
    };
    const score = (caseId: string, less: number) =>
      ok(
        api.call('PUT', `/v1/supervision/evaluations/${drawn.id}/scores/${caseId}`, {
          token: t.supervisor,
          body: {
            items: Object.entries(rubric).map(([itemId, max]) => ({
              itemId,
              points: Math.max(0, max - less),
              note: '评查意见',
            })),
          },
        }),
      );
    await score(passing ?? '', 1);
    const scored = await score(failing ?? '', 9);
    expect(scored.flagged).toEqual([failing]);
    await at('2026-06-01T02:00:00Z');
    await answer(late, '经核实，已责令退还并补开票据');

    // Not published before 2 January: 404 in the contract's format, in Chinese.
    const early = await json(reportPath(2026));
    expect(early.status).toBe(404);
    expect(early.body.error).toMatchObject({ code: 'NOT_FOUND', details: [{ path: 'year' }] });
    expect(early.body.error.message).toMatch(/尚未发布/);
    await at('2027-01-01T02:00:00Z');
    await ok(api.call('POST', '/dev/jobs/supervision-report'));
    expect((await json(reportPath(2026))).status).toBe(404);

    await at('2027-01-02T02:00:00Z');
    await ok(api.call('POST', '/dev/jobs/supervision-report'));
    const report = await ok(json(reportPath(2026)));
    expect(report).toMatchObject({
      bodyId,
      bodyName: '昌宁县报告测试司法局',
      year: 2026,
      status: 'published',
      publishedAt: expect.stringMatching(/^2027-01-02T02:00/),
      matters: {
        opened: 4,
        closed: 1,
        openedBySource: {
          complaint: 1,
          hotline: 1,
          evaluation: 1,
          'own-finding': 1,
          alert: 0,
          statistics: 0,
        },
        closedBySource: {
          complaint: 0,
          hotline: 1,
          evaluation: 0,
          'own-finding': 0,
          alert: 0,
          statistics: 0,
        },
      },
      opinions: { opinion: 1, recommendation: 1, total: 2 },
      rectifications: {
        reportedOnTime: 1,
        reportedLate: 1,
        accepted: 1,
        returned: 1,
        overdue: 1,
        overdueDocuments: [{ agencyId, number: recommendation.number, rectifyBy: '2026-04-30' }],
      },
      complaints: { received: 3, answeredOnTime: 1, answeredLate: 1 },
      evaluations: {
        evaluations: 1,
        filesDrawn: 2,
        filesScored: 2,
        filesFailed: 1,
        ranking: [{ rank: 1, agencyId, agencyName: '昌宁县报告测试局', scored: 2, failed: 1 }],
      },
      agencies: [
        {
          agencyId,
          agencyName: '昌宁县报告测试局',
          mattersOpened: 4,
          mattersClosed: 1,
          opinionsIssued: 2,
          rectificationsReported: 2,
          rectificationsOverdue: 1,
          complaintsReceived: 3,
          complaintsAnsweredOnTime: 1,
          complaintsAnsweredLate: 1,
          evaluationsDrawn: 1,
        },
      ],
    });
    // The average of the two files: 94 and 46 points.
    expect(report.evaluations.ranking[0].average).toBe(70);
    // Nothing personal: not the complainant, the party, the officer, the staff or what was written.
    for (const personal of [
      COMPLAINANT,
      '13800000031',
      PARTY,
      '530524199001011231',
      officer.name,
      '何监督',
      '李局长',
      '未出示执法证件',
    ])
      expect(JSON.stringify(report), personal).not.toContain(personal);
    // Fixed once published: a second run, and a change made later, leave it as it is.
    await open({ source: '统计分析', subject: { practice: '处罚畸轻' } });
    await ok(api.call('POST', '/dev/jobs/supervision-report'));
    expect(await ok(json(reportPath(2026)))).toEqual(report);
  });

  it('[SUP-6] the site page shows the published report with its chart and links its PDF, without personal data', async () => {
    const page = await api.call('GET', `/supervisory-bodies/${bodyId}/reports/2026`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<h1>昌宁县报告测试司法局 2026 年度行政执法监督报告</h1>');
    expect(page.text).toMatch(/立监督事项（件）<\/td><td[^>]*>4</);
    expect(page.text).toMatch(/逾期答复投诉（件）<\/td><td[^>]*>1</);
    expect(page.text).toContain('svg');
    expect(page.text).toContain(`/public/v1/supervisory-bodies/${bodyId}/reports/2026/pdf`);
    for (const personal of [COMPLAINANT, PARTY, officer.name, '何监督'])
      expect(page.text).not.toContain(personal);
    const pdf = await api.call('GET', `${reportPath(2026)}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    const missing = await api.call('GET', `/supervisory-bodies/${bodyId}/reports/2025`, {
      headers: { accept: 'text/html' },
    });
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('尚未发布');
  });

  it('[SUP-6] a year out of range or a malformed id is a 400 in Chinese naming the field; another body has nothing published', async () => {
    for (const year of ['1999', '2101', 'last-year']) {
      const response = await json(reportPath(year));
      expect(response.status, year).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details).toEqual([expect.objectContaining({ path: 'year' })]);
      expect(response.body.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    const malformed = await json(reportPath(2026, 'x'.repeat(65)));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([expect.objectContaining({ path: 'agencyId' })]);
    expect(malformed.body.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    for (const path of [reportPath(2026, newAgencyId()), `${reportPath(2026, newAgencyId())}/pdf`]) {
      const response = await json(path);
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });
});
