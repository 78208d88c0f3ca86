import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { walkPenaltyCase } from '#local/demo/penalty-case.ts';
import { creditCodeCheck } from '#shared/kernel/party-identifier.ts';
import { REVIEW_STANDARDS } from '#shared/legal-review/domain/review.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';
import { onSiteWithAv, recordEvidence } from '#test/helpers/evidence.ts';
import { completePenaltyProcedure } from '#test/helpers/procedure.ts';

/**
 * The law's safeguards on the paths a hurried or dishonest user would take (LAW-10, LAW-11,
 * LAW-12, REC-10, REC-11, PUB-13, LAW-2), on a fresh agency, over HTTP.
 */
let api: TestApi;
const agencyId = newAgencyId();
const t: Record<string, string> = {};
const categories = ['penalty', 'inspection', 'coercion'];
const a = officerInput({ name: '承办甲', userId: 'lg-officer-a', unitId: 'shswg', categories });
const b = officerInput({ name: '承办乙', userId: 'lg-officer-b', unitId: 'shswg', categories });
const noAccount = officerInput({ name: '无账号丙', userId: undefined });
const pair = [a.certificateNo, b.certificateNo];
const person = { kind: 'person', name: '王五', idNumber: '530524198001011237' };
const organization = { kind: 'organization', name: '某养老院', idNumber: '52530524MJ0000000Q' };
/** Another organisation each call: simple-procedure fines on one party are tallied (LAW-3). */
let parties = 0;
const anotherParty = () => {
  const code = `52530524MJ${String(++parties).padStart(7, '0')}`;
  return { kind: 'organization', name: `某养老院${parties}`, idNumber: `${code}${creditCodeCheck(code)}` };
};
const fine = (amount: number, legalBasis = '《养老机构管理办法》第四十六条') => ({
  type: 'penalty',
  summary: '对当事人处以罚款',
  legalBasis,
  penalty: { kind: 'fine', amount },
});
const approve = {
  findings: REVIEW_STANDARDS.map((standard) => ({ standard, result: 'pass' })),
  conclusion: 'approved',
  opinion: '同意作出该处罚决定',
};

beforeAll(async () => {
  api = await startTestApi();
  const token = (sub: string, roles: Parameters<TestApi['token']>[0]['roles'], name = sub) =>
    api.token({ sub, name, agencyId, unitId: 'shswg', roles });
  t.admin = await token('lg-admin', ['admin']);
  t.otherAdmin = await token('lg-admin-2', ['admin']);
  t.handler = await token('lg-officer-a', ['officer']);
  t.head = await token('lg-head', ['unit-head']);
  t.reviewer = await token('lg-reviewer', ['reviewer'], '审核员');
  t.adminReviewer = await token('lg-admin-reviewer', ['admin', 'reviewer'], '兼任审核员的管理员');
  t.leaderHead = await token('lg-leader-head', ['leader', 'unit-head'], '分管领导');
  t.leader = await token('lg-leader', ['leader'], '局长');
  await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '测试县民政局', region: '昌宁县', documentPrefix: '昌民', units: [] },
  });
  for (const officer of [a, b, noAccount]) {
    const created = await api.call('POST', '/v1/officers', { token: t.admin, body: officer });
    expect(created.status, created.text).toBe(201);
  }
  for (const userId of ['lg-reviewer', 'lg-admin-reviewer', 'lg-officer-a']) {
    const recorded = await api.call('PUT', `/v1/reviewers/${userId}`, {
      token: t.otherAdmin,
      body: { name: userId, legalQualificationNo: `A2020${userId}`, qualifiedOn: '2020-03-01' },
    });
    expect(recorded.status, recorded.text).toBe(200);
  }
});
afterEach(async () => {
  await api.call('DELETE', '/dev/clock');
});
afterAll(() => api.close());

async function newCase(body: Record<string, unknown> = {}, token = t.handler) {
  const created = await api.call('POST', '/v1/cases', {
    token,
    body: { category: 'penalty', title: '某养老院违规案', party: person, officers: pair, ...body },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

/** A record to cite as review material. */
async function material(id: string) {
  const note = await api.call('POST', `/v1/cases/${id}/records`, {
    token: t.handler,
    body: { type: '案件调查终结报告', title: '案件调查终结报告', fields: { conclusion: '事实清楚' } },
  });
  expect(note.status, note.text).toBe(201);
  return [note.body.id as string];
}

const decide = (id: string, body: unknown) =>
  api.call('POST', `/v1/cases/${id}/decision`, { token: t.handler, body });

const paths = (response: { body: { error: { details: { path: string }[] } } }) =>
  response.body.error.details.map((detail) => detail.path);

async function addActivity(id: string, type: string, extra: Record<string, unknown> = {}) {
  const response = await api.call('POST', `/v1/cases/${id}/activities`, {
    token: t.handler,
    body: { type, officers: pair, location: '昌宁县某养老院', ...extra },
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id as string;
}

async function recordAv(id: string, activityId: string, extra: Record<string, unknown> = {}) {
  const declared = await recordEvidence(api, t.handler, id, Buffer.from(`recording of ${activityId}`), {
    activityId,
    deviceId: 'DSJ-LG-UNREGISTERED',
    officer: a.certificateNo,
    fullProcess: true,
    ...extra,
  });
  return declared.id as string;
}

describe('the statutory procedure before a penalty decision', () => {
  it('[LAW-10] a ¥50,000 fine decided the minute the case is registered is refused, one detail per missing step', async () => {
    const id = await newCase();
    const refused = await decide(id, fine(50_000));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PROCEDURE_INCOMPLETE');
    expect(paths(refused)).toEqual([
      'steps.investigation',
      'steps.penalty-prior-notice',
      'steps.statement',
      'steps.hearing-period',
    ]);
    for (const detail of refused.body.error.details) expect(detail.message).toMatch(/[\u4e00-\u9fa5]/);
    const view = await api.call('GET', `/v1/cases/${id}`, { token: t.handler });
    expect(view.body.procedure).toBe('general');
    expect(view.body.missingSteps).toEqual(['investigation', 'penalty-prior-notice', 'statement']);
    expect(view.body.status).toBe('registered');
  });

  it('[LAW-10] the hearing period runs 5 working days from service unless waived; a receipt cannot be bent to start it', async () => {
    const id = await newCase({ party: organization });
    await completePenaltyProcedure(api, t.handler as string, id, { hearing: 'open' });
    const waiting = await decide(id, fine(50_000));
    expect(waiting.status).toBe(422);
    expect(paths(waiting)).toEqual(['steps.hearing-period']);
    expect(waiting.body.error.details[0].message).toContain('申请听证');

    const notice = (await api.call('GET', `/v1/cases/${id}/records`, { token: t.handler })).body.items.find(
      (record: { type: string }) => record.type === 'penalty-prior-notice',
    );
    const backdated = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'service-receipt',
        title: '送达回证',
        fields: {
          documentNumber: notice.number,
          servedAt: '2026-01-05T10:00:00+08:00',
          recipient: '当事人',
          method: 'mail',
          trackingNumber: 'EMS1234567890CN',
        },
      },
    });
    expect(backdated.status).toBe(400);
    expect(paths(backdated)).toEqual(['fields.servedAt']);
    const nothingServed = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'service-receipt',
        title: '送达回证',
        fields: {
          documentNumber: '昌民告〔2026〕9999号',
          servedAt: new Date().toISOString(),
          recipient: '当事人',
          method: 'mail',
          trackingNumber: 'EMS1234567890CN',
        },
      },
    });
    expect(nothingServed.status).toBe(400);
    expect(paths(nothingServed)).toEqual(['fields.documentNumber']);
    // A receipt tells the minute, as the console's form writes it: the minute the notice was made is not before it.
    const sameMinute = new Date(Math.floor(Date.parse(notice.createdAt) / 60_000) * 60_000).toISOString();
    const servedThatMinute = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'service-receipt',
        title: '送达回证',
        fields: {
          documentNumber: notice.number,
          servedAt: sameMinute,
          recipient: '当事人',
          method: 'mail',
          trackingNumber: 'EMS1234567890CN',
        },
      },
    });
    expect(servedThatMinute.status, servedThatMinute.text).toBe(201);

    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await api.call('POST', '/dev/clock', { body: { now: later } });
    const decided = await decide(id, fine(50_000));
    expect(decided.status, decided.text).toBe(201);
  });

  it('[LAW-10] the simple procedure takes a warning or a small fine only: ¥200 yes, ¥201 no', async () => {
    const over = await newCase({ procedure: 'simple' });
    const refused = await decide(over, fine(201));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PROCEDURE_INCOMPLETE');
    expect(paths(refused)).toEqual(['steps.simple-procedure-limit']);
    expect((await decide(over, fine(200))).status).toBe(201);
    const organizationCase = await newCase({ procedure: 'simple', party: organization });
    expect(paths(await decide(organizationCase, fine(3001)))).toEqual(['steps.simple-procedure-limit']);
    expect((await decide(organizationCase, fine(3000))).status).toBe(201);
    const notPenalty = await api.call('POST', '/v1/cases', {
      token: t.handler,
      body: { category: 'licensing', procedure: 'simple', title: '许可', party: person, officers: pair },
    });
    expect(notPenalty.status).toBe(400);
    expect(paths(notPenalty)).toEqual(['procedure']);
  });

  it('[LAW-11] a complex case is decided only after the heads discussed it collectively', async () => {
    const id = await newCase({ flags: { complex: true } });
    const { notice } = await completePenaltyProcedure(api, t.handler as string, id);
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials: [notice.id], proposal: fine(5_000) },
    });
    expect(review.status, review.text).toBe(201);
    await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, { token: t.reviewer, body: approve });
    const refused = await decide(id, fine(5_000));
    expect(refused.body.error.code).toBe('PROCEDURE_INCOMPLETE');
    expect(paths(refused)).toEqual(['steps.collective-discussion']);
    const minutes = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'collective-discussion',
        title: '集体讨论记录',
        fields: {
          heldAt: new Date().toISOString(),
          participants: ['局长', '副局长', '纪检组长'],
          conclusion: '同意罚款五千元',
          minutes: '经集体讨论，同意承办股室意见。',
        },
      },
    });
    expect(minutes.status, minutes.text).toBe(201);
    expect((await decide(id, fine(5_000))).status).toBe(201);
  });
});

describe('a review approves one proposal', () => {
  it('[REV-3] an agency’s own record type with nothing in it (blank, invisible or punctuation only) is no review material: a 400', async () => {
    const id = await newCase();
    for (const fields of [
      {},
      { conclusion: '   ' },
      { conclusion: '\u200b\u200b', note: '。' },
      { items: [{ a: ' ' }] },
    ]) {
      const refused = await api.call('POST', `/v1/cases/${id}/records`, {
        token: t.handler,
        body: { type: '案件调查终结报告', title: '案件调查终结报告', fields },
      });
      expect(refused.status, JSON.stringify(fields)).toBe(400);
      expect(paths(refused)).toEqual(['fields']);
    }
    expect((await material(id)).length).toBe(1);
  });

  it('[REV-2] [LAW-12] a submission without a proposal, and none refused before, is a 400', async () => {
    const id = await newCase({ flags: { majorRights: true } });
    const submitted = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials: await material(id) },
    });
    expect(submitted.status).toBe(400);
    expect(submitted.body.error.code).toBe('VALIDATION_FAILED');
    expect(paths(submitted)).toEqual(['proposal']);
  });

  it('[LAW-3] [LAW-12] an approval of a ¥20,000 fine does not cover a decision of another amount, kind or basis', async () => {
    const id = await newCase({ flags: { majorRights: true } });
    const { notice } = await completePenaltyProcedure(api, t.handler as string, id, { collective: true });
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials: [notice.id], proposal: fine(20_000) },
    });
    await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, { token: t.reviewer, body: approve });
    const amount = await decide(id, fine(30_000));
    expect(amount.status).toBe(422);
    expect(amount.body.error.code).toBe('REVIEW_REQUIRED');
    expect(paths(amount)).toContain('penalty.amount');
    const kind = await decide(id, { ...fine(20_000), penalty: { kind: 'licence-revocation' } });
    expect(paths(kind)).toContain('penalty.kind');
    const basis = await decide(id, fine(20_000, '《民办非企业单位登记管理暂行条例》第二十五条'));
    expect(paths(basis)).toContain('legalBasis');
    const same = await decide(id, { ...fine(20_000), summary: '经审核，对当事人处以罚款二万元' });
    expect(same.status, same.text).toBe(201);
  });
});

describe('separation of duties', () => {
  it('[LAW-12] [REV-1] whoever wrote a record in the case does not review it; an admin does not record their own qualification', async () => {
    const id = await newCase();
    const wrote = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.adminReviewer,
      body: { type: '情况说明', title: '情况说明', fields: { note: '补充说明' } },
    });
    expect(wrote.status).toBe(201);
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials: await material(id), proposal: fine(500) },
    });
    expect(review.status, review.text).toBe(201);
    const refused = await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, {
      token: t.adminReviewer,
      body: approve,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect(refused.body.error.message).toContain('参与了本案的办理');
    const officerReviewer = await api.token({
      sub: 'lg-officer-a',
      agencyId,
      roles: ['officer', 'reviewer'],
    });
    const asOfficer = await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, {
      token: officerReviewer,
      body: approve,
    });
    expect(asOfficer.status).toBe(403);
    expect(asOfficer.body.error.message).toContain('立案人');

    const own = await api.call('PUT', '/v1/reviewers/lg-admin', {
      token: t.admin,
      body: { name: '管理员本人', legalQualificationNo: 'A2020SELF' },
    });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('本人');
  });

  it('[LAW-12] [REV-5] a leader does not rule on the dispute they raised, nor a reviewer on their own opinion', async () => {
    const id = await newCase();
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials: await material(id), proposal: fine(500) },
    });
    const problems = {
      findings: REVIEW_STANDARDS.map((standard) =>
        standard === 'facts-and-evidence'
          ? { standard, result: 'problem', note: '证据不足' }
          : { standard, result: 'pass' },
      ),
      conclusion: 'problems',
      opinion: '证据不足，请补充',
    };
    expect(
      (
        await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, {
          token: t.reviewer,
          body: problems,
        })
      ).status,
    ).toBe(200);
    const disputed = await api.call('POST', `/v1/reviews/${review.body.id}/disputes`, {
      token: t.leaderHead,
      body: { reason: '证据已经充分' },
    });
    expect(disputed.status, disputed.text).toBe(200);
    const own = await api.call('POST', `/v1/reviews/${review.body.id}/rulings`, {
      token: t.leaderHead,
      body: { conclusion: 'approved', note: '同意' },
    });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('异议');
    const ruled = await api.call('POST', `/v1/reviews/${review.body.id}/rulings`, {
      token: t.leader,
      body: { conclusion: 'problems', note: '维持审核意见' },
    });
    expect(ruled.status, ruled.text).toBe(200);
  });

  it('[LAW-12] an officer acting in a case has an account', async () => {
    const refused = await api.call('POST', '/v1/cases', {
      token: t.handler,
      body: {
        category: 'penalty',
        title: '案',
        party: person,
        officers: [a.certificateNo, noAccount.certificateNo],
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('OFFICER_NOT_QUALIFIED');
    expect(refused.body.error.details[0]).toMatchObject({ path: 'officers.1' });
    expect(refused.body.error.details[0].message).toContain('账号');
  });
});

/** An investigation (REC-4): an on-site inspection with its AV archived, completed. */
const investigate = (id: string) => onSiteWithAv(api, t.handler as string, id, pair);

describe('the statutory AV minimum', () => {
  it('[REC-11] [REC-5] an AV list without on-site inspection does not lower the minimum', async () => {
    const list = await api.call('POST', '/v1/checklists', {
      token: t.handler,
      body: {
        kind: 'av-matters',
        title: '音像记录事项清单',
        items: [{ code: 'AV-1', category: 'penalty', activityType: 'other', requirement: 'av' }],
      },
    });
    expect((await api.call('POST', `/v1/checklists/${list.body.id}/publish`, { token: t.head })).status).toBe(
      200,
    );
    const id = await newCase();
    const inspection = await addActivity(id, 'on-site-inspection');
    const refused = await api.call('POST', `/v1/cases/${id}/activities/${inspection}/complete`, {
      token: t.handler,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('AV_REQUIRED');
    const other = await addActivity(id, 'other');
    const listed = await api.call('POST', `/v1/cases/${id}/activities/${other}/complete`, {
      token: t.handler,
    });
    expect(listed.body.error.code).toBe('AV_REQUIRED');
  });

  it('[REC-11] [LAW-4] an on-site inspection never recorded keeps the case from moving on: not decided, served, executed nor closed', async () => {
    const id = await newCase({ procedure: 'simple' });
    await api.call('POST', `/v1/cases/${id}/transitions`, {
      token: t.handler,
      body: { to: 'investigating' },
    });
    const inspection = await addActivity(id, 'on-site-inspection');
    for (const to of ['pending-decision', 'hearing', 'closed']) {
      const moved = await api.call('POST', `/v1/cases/${id}/transitions`, { token: t.handler, body: { to } });
      expect(moved.status, to).toBe(422);
      expect(moved.body.error.code).toBe('AV_REQUIRED');
      expect(paths(moved)).toEqual([`activities.${inspection}`]);
    }
    const decided = await decide(id, {
      type: 'penalty',
      summary: '警告',
      legalBasis: '依据',
      penalty: { kind: 'warning' },
    });
    expect(decided.body.error.code).toBe('AV_REQUIRED');
    await recordAv(id, inspection);
    const completed = await api.call('POST', `/v1/cases/${id}/activities/${inspection}/complete`, {
      token: t.handler,
      body: { informing: { certificatesShown: true, documentShown: true, rightsExplained: true } },
    });
    expect(completed.status, completed.text).toBe(200);
    expect(completed.body.informing).toMatchObject({ certificatesShown: true, rightsExplained: true });
    const service = await addActivity(id, 'service');
    expect(
      (
        await decide(id, {
          type: 'penalty',
          summary: '警告',
          legalBasis: '依据',
          penalty: { kind: 'warning' },
        })
      ).body.error.code,
    ).toBe('AV_REQUIRED');
    await recordAv(id, service);
    await api.call('POST', `/v1/cases/${id}/activities/${service}/complete`, { token: t.handler });
    const now = await decide(id, {
      type: 'penalty',
      summary: '警告',
      legalBasis: '依据',
      penalty: { kind: 'warning' },
    });
    expect(now.status, now.text).toBe(201);
  });

  it('[REC-11] seizure and forced execution need full-process AV; a major-property case needs it on every on-site activity', async () => {
    const coercion = await newCase({ category: 'coercion' });
    const seizure = await addActivity(coercion, '查封');
    await recordAv(coercion, seizure, { fullProcess: false });
    const partial = await api.call('POST', `/v1/cases/${coercion}/activities/${seizure}/complete`, {
      token: t.handler,
    });
    expect(partial.body.error.code).toBe('AV_REQUIRED');
    expect(partial.body.error.message).toContain('全过程');
    const property = await newCase({ flags: { majorProperty: true } });
    const inspection = await addActivity(property, 'on-site-inspection');
    await recordAv(property, inspection, { fullProcess: false });
    const notFull = await api.call('POST', `/v1/cases/${property}/activities/${inspection}/complete`, {
      token: t.handler,
    });
    expect(notFull.body.error.code).toBe('AV_REQUIRED');
  });
});

describe('AV where the law wants it (REC-4)', () => {
  it('[REC-4] an interview record alone is no investigation: a general-procedure penalty needs an investigative activity or archived evidence', async () => {
    const id = await newCase({ party: anotherParty() });
    await api.call('POST', `/v1/cases/${id}/transitions`, {
      token: t.handler,
      body: { to: 'investigating' },
    });
    const interview = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'interview-record',
        title: '询问笔录',
        fields: {
          interviewee: '当事人',
          place: '执法机关询问室',
          startedAt: new Date().toISOString(),
          endedAt: new Date().toISOString(),
          questionsAndAnswers: [{ question: '是否知晓相关规定？', answer: '知晓。' }],
        },
      },
    });
    expect(interview.status, interview.text).toBe(201);
    const view = await api.call('GET', `/v1/cases/${id}`, { token: t.handler });
    expect(view.body.missingSteps).toContain('investigation');
    const refused = await decide(id, fine(500));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PROCEDURE_INCOMPLETE');
    const investigation = refused.body.error.details.find(
      (detail: { path: string }) => detail.path === 'steps.investigation',
    );
    expect(investigation.message).toContain('调查取证活动');
    // Evidence collected with its AV archived is the investigation.
    await investigate(id);
    const investigated = await api.call('GET', `/v1/cases/${id}`, { token: t.handler });
    expect(investigated.body.missingSteps).not.toContain('investigation');
  });

  it('[REC-4] service on site is the service activity with its AV: a receipt of direct or left service names it; postal service proves itself by its number', async () => {
    const id = await newCase({ party: anotherParty() });
    await api.call('POST', `/v1/cases/${id}/transitions`, {
      token: t.handler,
      body: { to: 'investigating' },
    });
    const notice = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'penalty-prior-notice',
        title: '行政处罚事先告知书',
        fields: {
          facts: '经查，当事人存在违法行为',
          legalBasis: '《养老机构管理办法》第四十六条',
          proposedPenalty: '罚款五百元',
          rights: '陈述、申辩',
          penalty: { kind: 'fine', amount: 500 },
        },
      },
    });
    expect(notice.status, notice.text).toBe(201);
    const receipt = (fields: Record<string, unknown>) =>
      api.call('POST', `/v1/cases/${id}/records`, {
        token: t.handler,
        body: {
          type: 'service-receipt',
          title: '送达回证',
          fields: {
            documentId: notice.body.id,
            servedAt: new Date().toISOString(),
            recipient: '当事人',
            ...fields,
          },
        },
      });
    const direct = { method: 'direct', place: '当事人住所' };
    const unnamed = await receipt(direct);
    expect(unnamed.status).toBe(400);
    expect(paths(unnamed)).toEqual(['fields.activityId']);
    expect(unnamed.body.error.details[0].message).toContain('音像记录');
    const left = await receipt({ method: 'left', place: '当事人住所' });
    expect(paths(left)).toEqual(['fields.activityId']);
    // An inspection is no service; a service activity without its AV archived is none either.
    const inspection = await addActivity(id, 'on-site-inspection');
    expect(paths(await receipt({ ...direct, activityId: inspection }))).toEqual(['fields.activityId']);
    const service = await addActivity(id, 'service');
    const unrecorded = await receipt({ ...direct, activityId: service });
    expect(paths(unrecorded)).toEqual(['fields.activityId']);
    expect(unrecorded.body.error.details[0].message).toContain('尚无已归档');
    await recordAv(id, service);
    const served = await receipt({ ...direct, activityId: service });
    expect(served.status, served.text).toBe(201);
    expect(served.body.fields.activityId).toBe(service);
    const posted = await receipt({ method: 'mail', trackingNumber: 'EMS1234567890CN' });
    expect(posted.status, posted.text).toBe(201);
  });
});

describe('retries', () => {
  it('[REC-3] the same Idempotency-Key and body on two cases are two writes, each replayed on its own case', async () => {
    const [first, second] = [await newCase(), await newCase()];
    const headers = { 'idempotency-key': 'activity-key-1' };
    const body = { type: 'interview', officers: pair, location: '询问室' };
    const one = await api.call('POST', `/v1/cases/${first}/activities`, { token: t.handler, body, headers });
    const other = await api.call('POST', `/v1/cases/${second}/activities`, {
      token: t.handler,
      body,
      headers,
    });
    expect(one.status).toBe(201);
    expect(other.status).toBe(201);
    expect(other.body.caseId).toBe(second);
    expect(other.body.id).not.toBe(one.body.id);
    const replay = await api.call('POST', `/v1/cases/${first}/activities`, {
      token: t.handler,
      body,
      headers,
    });
    expect(replay.body).toEqual(one.body);
  });
});

describe('informing, devices and dates', () => {
  it('[PUB-13] an on-site activity records that certificates and the document were shown and rights told', async () => {
    const id = await newCase();
    const informing = {
      certificatesShown: true,
      documentShown: true,
      rightsExplained: true,
      note: '当场宣读权利',
    };
    const activity = await addActivity(id, 'on-site-inspection', { informing });
    const view = await api.call('GET', `/v1/cases/${id}`, { token: t.handler });
    expect(view.body.activities.find((item: { id: string }) => item.id === activity).informing).toEqual(
      informing,
    );
    const journal = await api.call('GET', `/v1/cases/${id}/journal`, { token: t.handler });
    expect(journal.body.entries.at(-1).data.informing).toEqual(informing);
  });

  it('[REC-10] devices are registered per unit; evidence from an unregistered device is accepted and flagged', async () => {
    const device = {
      deviceId: 'DSJ-LG-0001',
      kind: 'body-camera',
      unitId: 'shswg',
      custodian: 'lg-officer-a',
    };
    expect((await api.call('POST', '/v1/devices', { token: t.head, body: device })).status).toBe(200);
    const otherUnit = await api.call('POST', '/v1/devices', {
      token: t.head,
      body: { ...device, deviceId: 'DSJ-LG-0002', unitId: 'shjzg' },
    });
    expect(otherUnit.status).toBe(403);
    const listed = await api.call('GET', '/v1/devices?unitId=shswg', { token: t.handler });
    expect(listed.body.items.map((item: { deviceId: string }) => item.deviceId)).toEqual(['DSJ-LG-0001']);
    const id = await newCase();
    const activity = await addActivity(id, 'on-site-inspection');
    const registered = await recordAv(id, activity, { deviceId: 'DSJ-LG-0001' });
    const unregistered = await recordAv(id, activity, { deviceId: 'PHONE-OF-SOMEONE' });
    const read = async (evidenceId: string) =>
      (await api.call('GET', `/v1/evidence/${evidenceId}`, { token: t.handler })).body;
    expect((await read(registered)).unregisteredDevice).toBeUndefined();
    expect((await read(unregistered)).unregisteredDevice).toBe(true);
    expect((await read(unregistered)).status).toBe('archived');
  });

  it('[LAW-2] an activity is not dated in the future, before registration, or back to when an expired certificate was valid', async () => {
    const expiring = officerInput({ name: '将到期丁', validFrom: '2022-01-01', validTo: '2026-06-30' });
    await api.call('POST', '/v1/officers', { token: t.admin, body: expiring });
    await api.call('POST', '/dev/clock', { body: { now: '2026-06-01T09:00:00+08:00' } });
    const id = await newCase();
    await api.call('POST', '/dev/clock', { body: { now: '2026-07-15T09:00:00+08:00' } });
    const backdated = await api.call('POST', `/v1/cases/${id}/activities`, {
      token: t.handler,
      body: {
        type: 'interview',
        officers: [a.certificateNo, expiring.certificateNo],
        startedAt: '2026-06-10T09:00:00+08:00',
      },
    });
    expect(backdated.status).toBe(422);
    expect(backdated.body.error.code).toBe('OFFICER_NOT_QUALIFIED');
    expect(backdated.body.error.details[0].message).toContain('2026-07-15');
    const beforeRegistration = await api.call('POST', `/v1/cases/${id}/activities`, {
      token: t.handler,
      body: { type: 'interview', officers: pair, startedAt: '2026-05-20T09:00:00+08:00' },
    });
    expect(beforeRegistration.status).toBe(400);
    expect(paths(beforeRegistration)).toEqual(['startedAt']);
    const future = await api.call('POST', `/v1/cases/${id}/activities`, {
      token: t.handler,
      body: { type: 'interview', officers: pair, startedAt: '2026-08-01T09:00:00+08:00' },
    });
    expect(future.status).toBe(400);
    expect(paths(future)).toEqual(['startedAt']);
  });
});

describe('the whole general procedure', () => {
  it('[LAW-10] [LAW-11] [LAW-4] [REC-11] [PUB-13] a penalty case goes from registration to archive on the statutory path (the demo case of npm start)', async () => {
    const { caseId, reviewId } = await walkPenaltyCase(api, {
      agencyId,
      unitId: 'shswg',
      officers: [a.certificateNo, b.certificateNo],
      handler: 'lg-officer-a',
      reviewer: 'lg-reviewer-happy',
      admin: 'lg-admin-2',
    });
    const view = await api.call('GET', `/v1/cases/${caseId}`, { token: t.leader });
    expect(view.body.status).toBe('archived');
    expect(view.body.missingSteps).toEqual([]);
    expect(view.body.steps.map((step: { step: string; status: string }) => [step.step, step.status])).toEqual(
      [
        ['investigation', 'done'],
        ['penalty-prior-notice', 'done'],
        ['statement', 'done'],
        ['hearing-period', 'done'],
        ['collective-discussion', 'done'],
      ],
    );
    expect(view.body.avGaps).toEqual([]);
    expect(view.body.decision).toMatchObject({ reviewId, penalty: { kind: 'fine', amount: 20_000 } });
    expect(
      view.body.activities.every(
        (activity: { status: string; informing?: object }) =>
          activity.status === 'completed' && activity.informing !== undefined,
      ),
    ).toBe(true);
    expect(
      view.body.evidence.every((item: { unregisteredDevice?: boolean }) => !item.unregisteredDevice),
    ).toBe(true);
    const journal = await api.call('GET', `/v1/cases/${caseId}/journal/verify`, { token: t.leader });
    expect(journal.body.ok).toBe(true);
    const review = await api.call('GET', `/v1/reviews/${reviewId}`, { token: t.leader });
    expect(review.body).toMatchObject({ status: 'approved', usedByDecision: view.body.decision.id });
  });
});

describe('the paths around the rules, as a dishonest user tries them', () => {
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  async function readyCase(
    body: Record<string, unknown> = {},
    options: Parameters<typeof completePenaltyProcedure>[3] = {},
  ) {
    const id = await newCase(body);
    const records = await completePenaltyProcedure(api, t.handler as string, id, {
      hearing: 'open',
      ...options,
    });
    return { id, ...records };
  }

  it('[LAW-10] a decision says what it decides: a fine has its amount, a penalty case its penalty, no other case a penalty', async () => {
    const { id } = await readyCase();
    const noAmount = await decide(id, { ...fine(0), penalty: { kind: 'fine' } });
    expect(noAmount.status).toBe(400);
    expect(paths(noAmount)).toEqual(['penalty.amount']);
    // A penalty left out is the notice's (REC-12): what the party was told is not typed again.
    const noPenalty = await decide(id, { type: 'penalty', summary: '罚款贰万元', legalBasis: '依据' });
    expect(paths(noPenalty)).toEqual(['steps.hearing-period']);
    const warningAmount = await decide(id, { ...fine(0), penalty: { kind: 'warning', amount: 50_000 } });
    expect(paths(warningAmount)).toEqual(['penalty.amount']);
    const coercion = await newCase({ category: 'coercion' });
    const penaltyInCoercion = await decide(coercion, { ...fine(0), penalty: { kind: 'licence-revocation' } });
    expect(penaltyInCoercion.status).toBe(400);
    expect(paths(penaltyInCoercion)).toEqual(['penalty']);
    for (const kind of ['other', '责令关闭', '限制从业']) {
      const waiting = await decide(id, { ...fine(0), penalty: { kind } });
      // Each entitles to a hearing; and, another kind than the notice's fine, needs a new notice.
      expect(paths(waiting), kind).toEqual(['steps.penalty-prior-notice', 'steps.hearing-period']);
    }
  });

  it('[LAW-10] moving the case to "hearing" is not a hearing held; a waiver or statement before service does not count', async () => {
    const { id } = await readyCase();
    for (const to of ['investigating', 'hearing', 'pending-decision']) {
      await api.call('POST', `/v1/cases/${id}/transitions`, { token: t.handler, body: { to } });
    }
    expect(paths(await decide(id, fine(20_000)))).toEqual(['steps.hearing-period']);

    const early = await newCase();
    await investigate(early);
    const record = (type: string, fields: Record<string, unknown>) =>
      api.call('POST', `/v1/cases/${early}/records`, {
        token: t.handler,
        body: { type, title: type, fields },
      });
    await record('interview-record', {
      interviewee: '当事人',
      place: '询问室',
      startedAt: '2026-11-02T09:00:00+08:00',
      endedAt: '2026-11-02T10:00:00+08:00',
      questionsAndAnswers: [{ question: '问', answer: '答' }],
    });
    const notice = await record('penalty-prior-notice', {
      facts: '事实',
      legalBasis: '依据',
      proposedPenalty: '罚款贰万元',
      rights: '陈述、申辩、听证',
      penalty: { kind: 'fine', amount: 20_000 },
    });
    await record('hearing-waiver', { statement: '放弃听证' });
    await record('statement-record', { statement: '无异议' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await record('service-receipt', {
      documentNumber: notice.body.number,
      servedAt: new Date().toISOString(),
      recipient: '当事人',
      method: 'mail',
      trackingNumber: 'EMS1234567890CN',
    });
    const refused = await decide(early, fine(20_000));
    expect(paths(refused)).toEqual(['steps.statement', 'steps.hearing-period']);
  });

  it('[LAW-10] a notice that states its penalty binds the decision: not another kind, not a higher amount', async () => {
    const id = await newCase();
    const record = (type: string, fields: Record<string, unknown>) =>
      api.call('POST', `/v1/cases/${id}/records`, { token: t.handler, body: { type, title: type, fields } });
    const notice = await record('penalty-prior-notice', {
      facts: '事实',
      legalBasis: '依据',
      proposedPenalty: '罚款五千元',
      rights: '陈述、申辩',
      penalty: { kind: '罚款', amount: 5_000 },
    });
    await record('service-receipt', {
      documentNumber: notice.body.number,
      servedAt: notice.body.createdAt,
      recipient: '当事人',
      method: 'mail',
      trackingNumber: 'EMS1234567890CN',
    });
    await record('statement-record', { statement: '无异议' });
    await investigate(id);
    await record('on-site-inspection-record', {
      place: '现场',
      startedAt: notice.body.createdAt,
      endedAt: notice.body.createdAt,
      inspectedParty: '当事人',
      findings: '未建立制度',
    });
    const heavier = await decide(id, fine(8_000));
    expect(paths(heavier)).toEqual(['steps.penalty-prior-notice']);
    expect(heavier.body.error.details[0].message).toContain('高于告知的金额');
    expect(paths(await decide(id, { ...fine(0), penalty: { kind: 'licence-revocation' } }))).toContain(
      'steps.penalty-prior-notice',
    );
    expect((await decide(id, fine(4_000))).status).toBe(201);
  });

  it('[LAW-10] [PUB-11] a revoked or void decision is not made again; a changed one is, after a new notice', async () => {
    const made = async () => {
      const id = await newCase({ procedure: 'simple', party: anotherParty() });
      expect((await decide(id, fine(100))).status).toBe(201);
      return id;
    };
    const revoked = await made();
    await api.call('POST', `/v1/cases/${revoked}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: '复议撤销', effectiveOn: today() },
    });
    const again = await api.call('POST', `/v1/cases/${revoked}/transitions`, {
      token: t.handler,
      body: { to: 'pending-decision' },
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');

    const { id: changed } = await readyCase({}, { hearing: 'waived' });
    expect((await decide(changed, fine(500))).status).toBe(201);
    await api.call('POST', `/v1/cases/${changed}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'changed', reason: '变更罚款数额', effectiveOn: today() },
    });
    await api.call('POST', `/v1/cases/${changed}/transitions`, {
      token: t.handler,
      body: { to: 'pending-decision' },
    });
    const oldNotice = await decide(changed, fine(800));
    expect(paths(oldNotice)).toContain('steps.penalty-prior-notice');
    expect(oldNotice.body.error.details[0].message).toContain('重新');
  });

  it('[LAW-12] an approval given before a revocation, or by someone who later acted in the case, does not stand; its reviewer does not issue it', async () => {
    const { id, notice } = await readyCase(
      { flags: { majorRights: true } },
      { hearing: 'waived', collective: true },
    );
    const approved = async (amount: number) => {
      const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
        token: t.handler,
        body: { materials: [notice.id], proposal: fine(amount) },
      });
      expect(review.status, review.text).toBe(201);
      expect(
        (
          await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, {
            token: t.reviewer,
            body: approve,
          })
        ).status,
      ).toBe(200);
    };
    await approved(500);
    await approved(300);
    expect((await decide(id, fine(500))).status).toBe(201);
    await api.call('POST', `/v1/cases/${id}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'remade', reason: '责令重新作出', effectiveOn: today() },
    });
    await api.call('POST', `/v1/cases/${id}/transitions`, {
      token: t.handler,
      body: { to: 'pending-decision' },
    });
    const stale = await decide(id, fine(300));
    expect(stale.body.error.code).toBe('REVIEW_REQUIRED');
    expect(stale.body.error.details.map((detail: { message: string }) => detail.message).join()).toContain(
      '已失效',
    );

    const second = await newCase({ flags: { majorRights: true } });
    const records = await completePenaltyProcedure(api, t.handler as string, second, { collective: true });
    const review = await api.call('POST', `/v1/cases/${second}/reviews`, {
      token: t.handler,
      body: { materials: [records.notice.id], proposal: fine(500) },
    });
    await api.call('POST', `/v1/reviews/${review.body.id}/opinions`, {
      token: t.adminReviewer,
      body: approve,
    });
    const ownDecision = await api.call('POST', `/v1/cases/${second}/decision`, {
      token: t.adminReviewer,
      body: fine(500),
    });
    expect(ownDecision.status).toBe(403);
    await api.call('POST', `/v1/cases/${second}/records`, {
      token: t.adminReviewer,
      body: { type: '情况说明', title: '情况说明', fields: { note: '审核后补充' } },
    });
    const lapsed = await decide(second, fine(500));
    expect(lapsed.body.error.code).toBe('REVIEW_REQUIRED');
  });

  it('[LAW-12] whoever submitted or disputed one review of a case does not give the opinion on the next', async () => {
    const id = await newCase();
    const materials = await material(id);
    const first = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.head,
      body: { materials, proposal: fine(500) },
    });
    expect(first.status, first.text).toBe(201);
    await api.call('POST', `/v1/reviews/${first.body.id}/opinions`, { token: t.reviewer, body: approve });
    const second = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials, proposal: fine(300) },
    });
    const headReviewer = await api.token({ sub: 'lg-head', agencyId, unitId: 'shswg', roles: ['reviewer'] });
    const refused = await api.call('POST', `/v1/reviews/${second.body.id}/opinions`, {
      token: headReviewer,
      body: approve,
    });
    expect(refused.status).toBe(403);
  });

  it('[LAW-10] [REC-11] [REC-3] settings cannot switch the hearing right off; one recording is not the AV of two activities; an archived file takes no new record', async () => {
    const off = await api.call('PUT', '/v1/agency', {
      token: t.admin,
      body: {
        name: '测试县民政局',
        region: '昌宁县',
        units: [],
        procedure: { hearingAmountPerson: 1e12, hearingAmountOrganization: 1e12, statementWorkingDays: 1 },
      },
    });
    expect(off.status).toBe(400);
    expect(paths(off).sort()).toEqual([
      'procedure.hearingAmountOrganization',
      'procedure.hearingAmountPerson',
      'procedure.statementWorkingDays',
    ]);

    const id = await newCase();
    const first = await addActivity(id, 'on-site-inspection');
    const second = await addActivity(id, 'evidence-collection');
    await recordAv(id, first, { deviceId: 'DSJ-LG-0001' });
    const bytes = Buffer.from(`recording of ${first}`);
    const reused = await api.call('POST', `/v1/cases/${id}/evidence`, {
      token: t.handler,
      body: {
        activityId: second,
        fileName: '复用.mp4',
        contentType: 'video/mp4',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        capturedAt: '2020-01-01T00:00:00+08:00',
        deviceId: 'DSJ-LG-0001',
        officer: a.certificateNo,
      },
    });
    expect(reused.status).toBe(409);
    expect(paths(reused)).toEqual(['sha256']);

    const archived = await newCase({ procedure: 'simple', party: anotherParty() });
    expect((await decide(archived, fine(100))).status).toBe(201);
    for (const to of ['served', 'executed', 'closed', 'archived']) {
      await api.call('POST', `/v1/cases/${archived}/transitions`, { token: t.handler, body: { to } });
    }
    const late = await api.call('POST', `/v1/cases/${archived}/records`, {
      token: t.handler,
      body: {
        type: 'penalty-prior-notice',
        title: '事后补的告知书',
        fields: {
          facts: '事实',
          legalBasis: '依据',
          proposedPenalty: '罚款',
          rights: '陈述、申辩',
          penalty: { kind: 'fine', amount: 100 },
        },
      },
    });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('CASE_CLOSED');
    const future = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'collective-discussion',
        title: '集体讨论记录',
        fields: {
          heldAt: '2099-01-01T09:00:00+08:00',
          participants: ['甲', '乙'],
          conclusion: '同意',
          minutes: '纪要',
        },
      },
    });
    expect(future.status).toBe(400);
    expect(paths(future)).toEqual(['fields.heldAt']);
  });
});

describe('text must say something', () => {
  /** Spaces, zero-width characters, a Hangul filler and a blank braille cell: nothing said. */
  const empty = ' \u200b\u3000\u200d\u3164\u2800 ';

  it('[REV-3] [LAW-3] a finding of a problem, an opinion, a dispute, a ruling or the facts of a document of invisible characters is a 400 naming the field', async () => {
    const id = await newCase({ flags: { majorRights: true } });
    const { notice } = await completePenaltyProcedure(api, t.handler as string, id);
    const review = await api.call('POST', `/v1/cases/${id}/reviews`, {
      token: t.handler,
      body: { materials: [notice.id], proposal: fine(5_000) },
    });
    expect(review.status, review.text).toBe(201);
    const opinions = `/v1/reviews/${review.body.id}/opinions`;
    const findings = REVIEW_STANDARDS.map((standard, index) =>
      index === 2 ? { standard, result: 'problem', note: empty } : { standard, result: 'pass' },
    );
    const problem = await api.call('POST', opinions, {
      token: t.reviewer,
      body: { findings, conclusion: 'problems', opinion: '证据不足' },
    });
    expect(problem.status, problem.text).toBe(400);
    expect(paths(problem)).toEqual(['findings.2.note']);
    const zeroWidth = await api.call('POST', opinions, {
      token: t.reviewer,
      body: { ...approve, opinion: '\u200b\u200c\u200d\u2060\ufeff' },
    });
    expect(zeroWidth.status, zeroWidth.text).toBe(400);
    expect(paths(zeroWidth)).toEqual(['opinion']);
    for (const response of [problem, zeroWidth]) {
      expect(response.body.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    const dispute = await api.call('POST', `/v1/reviews/${review.body.id}/disputes`, {
      token: t.handler,
      body: { reason: empty },
    });
    expect(dispute.status, dispute.text).toBe(400);
    expect(paths(dispute)).toEqual(['reason']);
    const ruling = await api.call('POST', `/v1/reviews/${review.body.id}/rulings`, {
      token: t.leader,
      body: { conclusion: 'approved', note: empty },
    });
    expect(ruling.status, ruling.text).toBe(400);
    expect(paths(ruling)).toEqual(['note']);
    const record = await api.call('POST', `/v1/cases/${id}/records`, {
      token: t.handler,
      body: {
        type: 'penalty-prior-notice',
        title: '行政处罚事先告知书',
        fields: {
          facts: empty,
          legalBasis: '《养老机构管理办法》第四十六条',
          proposedPenalty: '罚款五千元',
          rights: '陈述、申辩',
          penalty: { kind: 'fine', amount: 5_000 },
        },
      },
    });
    expect(record.status, record.text).toBe(400);
    expect(paths(record)).toEqual(['fields.facts']);
    const said = await api.call('POST', opinions, { token: t.reviewer, body: approve });
    expect(said.status, said.text).toBe(200);
    expect(said.body.status).toBe('approved');
  });

  it('[LAW-3] a withdrawal reason, a complaint and its answer of invisible characters are a 400 naming the field', async () => {
    const id = await newCase({ procedure: 'simple', party: anotherParty() });
    expect((await decide(id, fine(100))).status).toBe(201);
    const withdrawal = await api.call('POST', `/v1/cases/${id}/decision/revocations`, {
      token: t.handler,
      body: { kind: 'revoked', reason: empty, effectiveOn: new Date().toISOString().slice(0, 10) },
    });
    expect(withdrawal.status, withdrawal.text).toBe(400);
    expect(paths(withdrawal)).toEqual(['reason']);

    const about = { kind: 'officer', ref: a.certificateNo };
    const blank = await api.call('POST', '/public/v1/complaints', { body: { about, agencyId, text: empty } });
    expect(blank.status, blank.text).toBe(400);
    expect(paths(blank)).toEqual(['text']);
    const text = '执法人员检查时态度粗暴，未出示执法证件。';
    const filed = await api.call('POST', '/public/v1/complaints', { body: { about, agencyId, text } });
    expect(filed.status, filed.text).toBe(201);
    const listed = await api.call('GET', '/v1/complaints', { token: t.head });
    const complaint = listed.body.items.find((item: { text: string }) => item.text === text);
    const answer = await api.call('POST', `/v1/complaints/${complaint.complaintId}/answer`, {
      token: t.head,
      body: { answer: empty },
    });
    expect(answer.status, answer.text).toBe(400);
    expect(paths(answer)).toEqual(['answer']);
  });
});
