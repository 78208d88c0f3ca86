import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
const otherAgency = newAgencyId();
const bureau = `sfj-${newAgencyId()}`;
const officers = [officerInput(), officerInput()];
const t: Record<string, string> = {};
/** The case files closed in March, and one closed in April. */
const closedInMarch: string[] = [];
let closedInApril = '';
let open = '';

const rubric = [
  ['agency-officers', 10],
  ['procedure', 25],
  ['evidence', 20],
  ['basis-discretion', 20],
  ['documents', 15],
  ['archiving', 10],
] as const;
const marks = (less: Record<string, number> = {}) =>
  rubric.map(([itemId, max]) => ({ itemId, points: max - (less[itemId] ?? 0), note: '材料齐全' }));
const march = { agencyId, from: '2026-03-01', to: '2026-03-31', rubricId: 'case-file-2026' };

async function registerCase(title: string): Promise<string> {
  const created = await api.call('POST', '/v1/cases', {
    token: t.officer,
    body: {
      category: 'penalty',
      procedure: 'simple',
      title,
      party: { kind: 'person', name: '李四', idNumber: '530524199001011231' },
      officers: officers.map((officer) => officer.certificateNo),
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

async function close(id: string) {
  const closed = await api.call('POST', `/v1/cases/${id}/transitions`, {
    token: t.officer,
    body: { to: 'closed' },
  });
  expect(closed.status, closed.text).toBe(200);
  expect(closed.body.closedOn).toBeDefined();
}

beforeAll(async () => {
  api = await startTestApi();
  await api.call('POST', '/dev/clock', { body: { now: '2026-03-05T02:00:00Z' } });
  t.admin = await api.token({ agencyId, roles: ['admin'] });
  t.leader = await api.token({ agencyId, roles: ['leader'] });
  t.officer = await api.token({ sub: officers[0]?.userId, agencyId, unitId: 'unit-1', roles: ['officer'] });
  t.otherAdmin = await api.token({ agencyId: otherAgency, roles: ['admin'] });
  t.evaluator = await api.token({ agencyId: bureau, roles: ['supervisor'], name: '何评查' });
  t.otherSupervisor = await api.token({ agencyId: `sfj-${otherAgency}`, roles: ['supervisor'] });
  // A supervisor inside the evaluated agency.
  t.inside = await api.token({ agencyId, roles: ['supervisor'] });
  const profile = await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '昌宁县评查测试局', region: '昌宁县', units: [] },
  });
  expect(profile.status, profile.text).toBe(200);
  // The bureau and a second body supervise the agency; another body supervises another agency.
  await api.supervise(agencyId, bureau, `sfj2-${agencyId}`);
  await api.supervise(otherAgency, `sfj-${otherAgency}`);
  for (const officer of officers)
    expect((await api.call('POST', '/v1/officers', { token: t.admin, body: officer })).status).toBe(201);
  for (let index = 0; index < 6; index += 1) {
    const id = await registerCase(`三月结案的案件 ${index + 1}`);
    await close(id);
    closedInMarch.push(id);
  }
  open = await registerCase('尚未结案的案件');
  await api.call('POST', '/dev/clock', { body: { now: '2026-04-02T02:00:00Z' } });
  closedInApril = await registerCase('四月结案的案件');
  await close(closedInApril);
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

const draw = (body: unknown, token = t.evaluator) =>
  api.call('POST', '/v1/supervision/evaluations', { token, body });
const score = (id: string, caseId: string, items: unknown, token = t.evaluator) =>
  api.call('PUT', `/v1/supervision/evaluations/${id}/scores/${caseId}`, { token, body: { items } });
const caseIds = (evaluation: { files: { caseId: string }[] }) => evaluation.files.map((file) => file.caseId);

describe('case-file evaluation (SUP-4) through the local HTTP API', () => {
  it('[SUP-4] a draw with a seed takes closed files of the period only; drawing again with the seed gives the same files', async () => {
    const first = await draw({ ...march, sampleSize: 4, seed: 'changning-2026-q1' });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      agencyId,
      agencyName: '昌宁县评查测试局',
      evaluatorAgencyId: bureau,
      seed: 'changning-2026-q1',
      poolSize: 6,
      sampleSize: 4,
      createdByName: '何评查',
      rubric: { rubricId: 'case-file-2026', passMark: 60 },
    });
    expect(first.body.files).toHaveLength(4);
    for (const id of caseIds(first.body)) expect(closedInMarch).toContain(id);
    expect(caseIds(first.body)).not.toContain(open);
    expect(caseIds(first.body)).not.toContain(closedInApril);
    const again = await draw({ ...march, sampleSize: 4, seed: 'changning-2026-q1' });
    expect(caseIds(again.body)).toEqual(caseIds(first.body));
    expect(again.body.poolSha256).toBe(first.body.poolSha256);
    // Without a seed the draw makes one and shows it: with it, anyone repeats the draw.
    const unseeded = await draw({ ...march, sampleSize: 6 });
    expect(unseeded.body.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(caseIds(unseeded.body))).toEqual(new Set(closedInMarch));
    const repeated = await draw({ ...march, sampleSize: 6, seed: unseeded.body.seed });
    expect(caseIds(repeated.body)).toEqual(caseIds(unseeded.body));
  });

  it('[SUP-4] scoring totals each file; below the pass mark a file is flagged; the agency reads results and ranking', async () => {
    const drawn = await draw({ ...march, sampleSize: 2, seed: 'scoring-seed-1' });
    const [good, poor] = caseIds(drawn.body) as [string, string];
    const first = await score(drawn.body.id, good, marks({ documents: 3 }));
    expect(first.status, first.text).toBe(200);
    expect(first.body.files.find((file: { caseId: string }) => file.caseId === good).score).toMatchObject({
      total: 97,
      passed: true,
      scoredByName: '何评查',
      items: expect.arrayContaining([
        { itemId: 'documents', label: '执法文书规范', points: 12, maxPoints: 15, note: '材料齐全' },
      ]),
    });
    const second = await score(
      drawn.body.id,
      poor,
      marks({ procedure: 20, evidence: 15, 'basis-discretion': 10 }),
    );
    expect(second.body.files.find((file: { caseId: string }) => file.caseId === poor)).toMatchObject({
      score: { total: 55, passed: false },
      flagged: true,
    });
    expect(second.body.flagged).toEqual([poor]);
    expect(second.body.totals).toMatchObject({
      files: 2,
      scored: 2,
      complete: true,
      average: 76,
      passed: 1,
      failed: 1,
    });

    // The agency finds its evaluations in its own list; another agency's list does not show them.
    const listed = await api.call('GET', '/v1/supervision/evaluations?limit=100', { token: t.admin });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items.find((item: { id: string }) => item.id === drawn.body.id)?.totals).toMatchObject(
      {
        average: 76,
        failed: 1,
      },
    );
    const theirs = await api.call('GET', '/v1/supervision/evaluations?limit=100', { token: t.otherAdmin });
    expect(theirs.body.items).toEqual([]);
    for (const token of [t.admin, t.leader]) {
      const read = await api.call('GET', `/v1/supervision/evaluations/${drawn.body.id}`, { token });
      expect(read.status, read.text).toBe(200);
      expect(read.body.totals.average).toBe(76);
      expect(read.body.ranking.rank).toBe(1);
      expect(read.body.ranking.rows[0]).toMatchObject({
        agencyId,
        agencyName: '昌宁县评查测试局',
        average: 76,
      });
    }
    expect(
      (await api.call('GET', `/v1/supervision/evaluations/${drawn.body.id}`, { token: t.officer })).status,
    ).toBe(403);
    expect(
      (await api.call('GET', `/v1/supervision/evaluations/${drawn.body.id}`, { token: t.otherAdmin })).status,
    ).toBe(403);
    expect(
      (await api.call('GET', `/v1/supervision/evaluations/${drawn.body.id}`, { token: t.otherSupervisor }))
        .status,
    ).toBe(403);
  });

  it('[SUP-4] a file below the pass mark opens its supervision matter with the score, once; both sides read it', async () => {
    const drawn = await draw({ ...march, sampleSize: 3, seed: 'matter-seed-1' });
    const [poor, alsoPoor, good] = caseIds(drawn.body) as [string, string, string];
    const failing = marks({ procedure: 20, evidence: 15, 'basis-discretion': 10 });
    const passed = await score(drawn.body.id, good, marks());
    expect(
      passed.body.files.find((file: { caseId: string }) => file.caseId === good).supervisionMatterId,
    ).toBeUndefined();
    // A second body supervising the same agency scores nothing of this body's evaluation.
    const secondBody = await api.token({ agencyId: `sfj2-${agencyId}`, roles: ['supervisor'] });
    const refused = await score(drawn.body.id, poor, failing, secondBody);
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body.error.message).toBe('只能为本机关组织的评查评分');
    const first = await score(drawn.body.id, poor, failing);
    expect(first.status, first.text).toBe(200);
    const matterId = first.body.files.find(
      (file: { caseId: string }) => file.caseId === poor,
    ).supervisionMatterId;
    expect(matterId).toEqual(expect.any(String));
    for (const token of [t.evaluator, t.admin, t.leader]) {
      const matter = await api.call('GET', `/v1/supervision/matters/${matterId}`, { token });
      expect(matter.status, matter.text).toBe(200);
      expect(matter.body).toMatchObject({
        agencyId,
        supervisorAgencyId: bureau,
        source: 'evaluation',
        sourceRef: drawn.body.id,
        subject: { caseId: poor },
        status: 'open',
      });
      expect(matter.body.facts).toContain('55分');
    }
    expect(
      (await api.call('GET', `/v1/supervision/matters/${matterId}`, { token: t.otherSupervisor })).status,
    ).toBe(404);
    const journal = await api.call('GET', `/v1/supervision/matters/${matterId}/journal`, {
      token: t.evaluator,
    });
    expect(journal.body.entries.map((entry: { type: string }) => entry.type)).toEqual(['matter.opened']);
    expect(journal.body.verification.ok).toBe(true);
    // Scored again, still failing: the same matter; the body's list holds one matter for the file.
    const again = await score(drawn.body.id, poor, marks({ procedure: 25 }));
    expect(
      again.body.files.find((file: { caseId: string }) => file.caseId === poor).supervisionMatterId,
    ).toBe(matterId);
    const other = await score(drawn.body.id, alsoPoor, failing);
    const otherMatter = other.body.files.find(
      (file: { caseId: string }) => file.caseId === alsoPoor,
    ).supervisionMatterId;
    expect(otherMatter).toEqual(expect.any(String));
    expect(otherMatter).not.toBe(matterId);
    const listed = await api.call('GET', `/v1/supervision/matters?agencyId=${agencyId}&limit=100`, {
      token: t.evaluator,
    });
    const fromThis = listed.body.items.filter(
      (matter: { sourceRef?: string }) => matter.sourceRef === drawn.body.id,
    );
    expect(fromThis.map((matter: { subject: { caseId: string } }) => matter.subject.caseId).sort()).toEqual(
      [poor, alsoPoor].sort(),
    );
  });

  it('[SUP-4] a reviewer never scores files of their own agency, nor draws them; a body draws only agencies it supervises', async () => {
    const drawn = await draw({ ...march, sampleSize: 1, seed: 'own-agency-seed' });
    const [file] = caseIds(drawn.body) as [string];
    const own = await score(drawn.body.id, file, marks(), t.inside);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe('评查人员不能评查本机关的案卷');
    expect((await draw({ ...march, sampleSize: 1 }, t.inside)).status).toBe(403);
    expect((await draw({ ...march, sampleSize: 1 }, t.otherSupervisor)).status).toBe(403);
    expect((await score(drawn.body.id, file, marks(), t.otherSupervisor)).status).toBe(403);
    // Nothing was scored by the refused calls.
    const read = await api.call('GET', `/v1/supervision/evaluations/${drawn.body.id}`, {
      token: t.evaluator,
    });
    expect(read.body.totals.scored).toBe(0);
  });

  it('[SUP-4] bad input is a 400 naming each bad field; a period without closed files is 422; unknown ones 404', async () => {
    const bad = await draw({
      agencyId,
      from: '2026-03-31',
      to: '2026-03-01',
      sampleSize: 0,
      rubricId: 'x',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(
      ['extra', 'rubricId', 'sampleSize', 'to'].sort(),
    );
    const empty = await draw({ ...march, from: '2026-05-01', to: '2026-05-31', sampleSize: 1 });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('NO_CLOSED_CASES');

    const drawn = await draw({ ...march, sampleSize: 1, seed: 'bad-score-seed' });
    const [file] = caseIds(drawn.body) as [string];
    const items = marks();
    const wrong = await score(drawn.body.id, file, [
      { itemId: 'no-such-item', points: 1 },
      { ...items[1], points: 26 },
      items[1],
      { ...items[2], points: -1 },
    ]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'items.3.points',
    ]);
    const overMax = await score(drawn.body.id, file, [
      { itemId: 'no-such-item', points: 1 },
      { ...items[1], points: 26 },
      items[1],
    ]);
    expect(overMax.status).toBe(400);
    expect(overMax.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'items.0.itemId',
      'items.1.points',
      'items.2.itemId',
      'items',
    ]);
    expect(overMax.text).toContain('“执法程序合法”不能超过满分 25 分');
    expect((await score(drawn.body.id, open, items)).status).toBe(404);
    expect((await score('NO-SUCH-EVALUATION', file, items)).status).toBe(404);
  });
});

describe('live alerts for the supervisory body (SUP-5) through the local HTTP API', () => {
  it('[SUP-5] an unanswered complaint past its term is an alert for the agency’s supervisor, and for no other body', async () => {
    const filed = await api.call('POST', '/public/v1/complaints', {
      body: { about: { kind: 'agency', ref: agencyId }, agencyId, text: '多次申请办理均被推诿，无人答复' },
    });
    expect(filed.status, filed.text).toBe(201);
    const alerts = () =>
      api.call('GET', `/v1/supervision/alerts?agencyId=${agencyId}`, { token: t.evaluator });
    const before = await alerts();
    expect(before.status, before.text).toBe(200);
    expect(before.body.items.map((alert: { kind: string }) => alert.kind)).not.toContain('complaint-overdue');
    await api.call('POST', '/dev/clock', { body: { now: `${filed.body.answerBy}T18:00:00Z` } });
    const late = await alerts();
    expect(late.body.items).toContainEqual({
      kind: 'complaint-overdue',
      title: '投诉举报逾期未答复',
      concerns: { kind: 'complaint', id: expect.any(String), name: '昌宁县评查测试局' },
      since: late.body.today,
    });
    // Last year's data unpublished since 1 February is an alert too; no screen shows a code alone.
    expect(late.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'annual-report-overdue',
        title: '上一年度行政执法数据逾期未公开',
        since: '2026-02-01',
      }),
    );
    for (const token of [t.otherSupervisor, t.inside, t.admin]) {
      const refused = await api.call('GET', `/v1/supervision/alerts?agencyId=${agencyId}`, { token });
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain('推诿');
    }
    expect(
      (await api.call('GET', `/v1/supervision/alerts?agencyId=${otherAgency}`, { token: t.evaluator }))
        .status,
    ).toBe(403);
    const missing = await api.call('GET', '/v1/supervision/alerts', { token: t.evaluator });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['agencyId']);
  });
});
