import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
const otherAgency = newAgencyId();
const bodyId = newAgencyId();
const otherBody = newAgencyId();
const officer = officerInput({ name: '钱多多' });
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  await api.call('POST', '/dev/clock', { body: { now: '2026-03-02T02:00:00Z' } });
  tokens.admin = await api.token({ agencyId, roles: ['admin'] });
  tokens.leader = await api.token({ agencyId, roles: ['leader'], name: '李局长' });
  tokens.head = await api.token({ agencyId, unitId: 'unit-1', roles: ['unit-head'] });
  tokens.officer = await api.token({ agencyId, unitId: 'unit-1', roles: ['officer'] });
  tokens.otherAdmin = await api.token({ agencyId: otherAgency, roles: ['admin'] });
  tokens.supervisor = await api.token({ agencyId: bodyId, roles: ['supervisor'], name: '何监督' });
  tokens.otherSupervisor = await api.token({ agencyId: otherBody, roles: ['supervisor'] });
  // The same body's supervisor, used after the agency left its supervision (`leaveSupervision`).
  tokens.formerSupervisor = await api.token({ agencyId: bodyId, roles: ['supervisor'] });
  const bodyAdmin = await api.token({ agencyId: bodyId, roles: ['admin'] });
  const profile = await api.call('PUT', '/v1/agency', {
    token: bodyAdmin,
    body: { name: '昌宁县司法局', region: '昌宁县', documentPrefix: '昌司', units: [] },
  });
  expect(profile.status, profile.text).toBe(200);
  expect((await api.call('POST', '/v1/officers', { token: tokens.admin, body: officer })).status).toBe(201);
  await api.supervise(agencyId, bodyId);
  await api.supervise(otherAgency, otherBody);
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

const open = (body: unknown, token = tokens.supervisor) =>
  api.call('POST', '/v1/supervision/matters', { token, body });
const hotline = {
  agencyId,
  source: '12345热线转办',
  sourceRef: '12345-20260301-0042',
  subject: { practice: '有案不立' },
  facts: '群众通过12345热线反映，三次举报无证经营均未立案',
};
const issue = (matterId: string, body: unknown, token = tokens.supervisor) =>
  api.call('POST', `/v1/supervision/matters/${matterId}/opinions`, { token, body });
const report = (opinionId: string, body: unknown, token = tokens.leader) =>
  api.call('POST', `/v1/supervision/opinions/${opinionId}/rectification`, { token, body });
const answer = (opinionId: string, body: unknown, token = tokens.supervisor) =>
  api.call('POST', `/v1/supervision/opinions/${opinionId}/acceptance`, { token, body });
const journalOf = (matterId: string, token = tokens.supervisor) =>
  api.call('GET', `/v1/supervision/matters/${matterId}/journal`, { token });

describe('supervision matters and opinions (SUP-2, SUP-3) through the local HTTP API', () => {
  it('[SUP-2] a matter is opened from a complaint the agency received and from a 12345 transfer, journaled hash-chained', async () => {
    const filed = await api.call('POST', '/public/v1/complaints', {
      body: {
        about: { kind: 'officer', ref: officer.certificateNo },
        agencyId,
        text: '检查时未出示执法证件，当场罚款未开票据',
      },
    });
    expect(filed.status).toBe(201);
    const complaints = await api.call('GET', `/v1/complaints?agencyId=${agencyId}`, {
      token: tokens.supervisor,
    });
    const complaintId: string = complaints.body.items[0].complaintId;

    const fromComplaint = await open({
      agencyId,
      source: 'complaint',
      sourceRef: complaintId,
      subject: { practice: '当场罚款未开具票据' },
      facts: '群众投诉执法人员当场收缴罚款未出具票据',
    });
    expect(fromComplaint.status, fromComplaint.text).toBe(201);
    expect(fromComplaint.body).toMatchObject({
      source: 'complaint',
      sourceRef: complaintId,
      supervisorAgencyId: bodyId,
      supervisorName: '昌宁县司法局',
      status: 'open',
      openedByName: '何监督',
      opinions: [],
    });
    // A complaint the agency never received is no source.
    const invented = await open({ ...hotline, source: 'complaint', sourceRef: '01JNOSUCHCOMPLAINT0000000' });
    expect(invented.status).toBe(400);
    expect(invented.body.error.details).toEqual([
      { path: 'sourceRef', message: expect.stringContaining('投诉') },
    ]);

    const fromHotline = await open(hotline);
    expect(fromHotline.status).toBe(201);
    expect(fromHotline.body).toMatchObject({ source: 'hotline', sourceRef: '12345-20260301-0042' });

    // Both sides list it, newest first, a page at a time.
    const first = await api.call('GET', `/v1/supervision/matters?agencyId=${agencyId}&limit=1`, {
      token: tokens.supervisor,
    });
    expect(first.body.items.map((item: { matterId: string }) => item.matterId)).toEqual([
      fromHotline.body.matterId,
    ]);
    const second = await api.call(
      'GET',
      `/v1/supervision/matters?agencyId=${agencyId}&limit=1&cursor=${first.body.nextCursor}`,
      { token: tokens.supervisor },
    );
    expect(second.body.items[0].matterId).toBe(fromComplaint.body.matterId);
    const own = await api.call('GET', '/v1/supervision/matters', { token: tokens.head });
    expect(own.body.items.map((item: { matterId: string }) => item.matterId)).toEqual(
      expect.arrayContaining([fromHotline.body.matterId, fromComplaint.body.matterId]),
    );

    const journal = await journalOf(fromHotline.body.matterId, tokens.head);
    expect(journal.status).toBe(200);
    expect(journal.body.entries).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'matter.opened',
        prevHash: '0'.repeat(64),
        data: expect.objectContaining({ source: 'hotline', facts: hotline.facts }),
      }),
    ]);
    expect(journal.body.verification).toEqual({ ok: true, entries: 1 });
  });

  it('[SUP-3] an opinion issued, rectified, returned once, rectified again and accepted closes the matter; every step on its chain', async () => {
    const matter = await open(hotline);
    const matterId: string = matter.body.matterId;
    const issued = await issue(matterId, {
      kind: '行政执法监督意见书',
      facts: '2025年收到的三件举报未登记、未立案',
      ruleBroken: '违反《行政处罚法》第五十四条第一款',
      rectifyBy: '2026-04-01',
    });
    expect(issued.status, issued.text).toBe(201);
    const [opinion] = issued.body.opinions;
    expect(opinion).toMatchObject({
      kind: 'opinion',
      number: '昌司监意〔2026〕1号',
      facts: '2025年收到的三件举报未登记、未立案',
      status: 'issued',
      issuedByName: '何监督',
    });
    // Each kind has its own series.
    const recommendation = await issue(matterId, {
      kind: 'recommendation',
      ruleBroken: '举报登记制度不健全',
      rectifyBy: '2026-05-01',
    });
    expect(recommendation.body.opinions[1].number).toBe('昌司监建〔2026〕1号');

    const first = await report(opinion.opinionId, {
      report: '已对三件举报补办立案',
      attachments: ['立案登记表'],
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body.opinions[0].status).toBe('reported');
    // A second report before the answer is refused; so is the agency answering its own.
    const again = await report(opinion.opinionId, { report: '再次提交' });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('RECTIFICATION_NOT_EXPECTED');
    const selfAccepted = await answer(opinion.opinionId, { accepted: true, note: '自行验收' }, tokens.leader);
    expect(selfAccepted.status).toBe(403);

    const returned = await answer(opinion.opinionId, { accepted: false, note: '缺少立案审批表，请补齐' });
    expect(returned.status).toBe(200);
    expect(returned.body.opinions[0]).toMatchObject({
      status: 'returned',
      acceptances: [{ accepted: false, note: '缺少立案审批表，请补齐', byName: '何监督' }],
    });
    const acceptedEarly = await answer(opinion.opinionId, { accepted: true, note: '通过' });
    expect(acceptedEarly.status).toBe(422);

    expect((await report(opinion.opinionId, { report: '已补齐立案审批表' }, tokens.admin)).status).toBe(200);
    const accepted = await answer(opinion.opinionId, { accepted: true, note: '整改到位' });
    expect(accepted.body.opinions[0].status).toBe('accepted');
    // The recommendation still waits: the matter stays open until it is accepted too.
    expect(accepted.body.status).toBe('open');
    const recommendationId: string = recommendation.body.opinions[1].opinionId;
    await report(recommendationId, { report: '已建立举报登记台账' });
    const closed = await answer(recommendationId, { accepted: true, note: '同意' });
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const closedIssue = await issue(matterId, {
      kind: 'opinion',
      ruleBroken: '再发',
      rectifyBy: '2026-06-01',
    });
    expect(closedIssue.status).toBe(422);
    expect(closedIssue.body.error.code).toBe('MATTER_CLOSED');

    const read = await api.call('GET', `/v1/supervision/matters/${matterId}`, { token: tokens.leader });
    expect(read.body.opinions[0].rectifications.map((each: { report: string }) => each.report)).toEqual([
      '已对三件举报补办立案',
      '已补齐立案审批表',
    ]);
    const journal = await journalOf(matterId);
    expect(journal.body.entries.map((entry: { type: string }) => entry.type)).toEqual([
      'matter.opened',
      'opinion.issued',
      'opinion.issued',
      'rectification.reported',
      'rectification.returned',
      'rectification.reported',
      'rectification.accepted',
      'rectification.reported',
      'rectification.accepted',
    ]);
    expect(journal.body.entries.at(-1).data).toMatchObject({ accepted: true, matterClosed: true });
    expect(journal.body.verification).toEqual({ ok: true, entries: 9 });
  });

  it('[SUP-3] a rectification not reported by its deadline is flagged on both sides’ overdue lists; a late report is recorded late', async () => {
    const matter = await open({ ...hotline, sourceRef: '12345-20260302-0007' });
    const issued = await issue(matter.body.matterId, {
      kind: 'opinion',
      ruleBroken: '违反《行政执法公示办法》第十条',
      rectifyBy: '2026-03-10',
    });
    const opinionId: string = issued.body.opinions[0].opinionId;
    const before = await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, {
      token: tokens.supervisor,
    });
    expect(before.body.rectifications.map((item: { opinionId: string }) => item.opinionId)).not.toContain(
      opinionId,
    );

    await api.call('POST', '/dev/clock', { body: { now: '2026-03-12T02:00:00Z' } });
    try {
      for (const token of [tokens.supervisor, tokens.admin]) {
        const overdue = await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, { token });
        expect(overdue.body.rectifications).toContainEqual({
          opinionId,
          matterId: matter.body.matterId,
          number: issued.body.opinions[0].number,
          rectifyBy: '2026-03-10',
        });
      }
      // Another body supervising the agency does not see this body's opinions.
      const strangerBody = newAgencyId();
      await api.supervise(agencyId, bodyId, strangerBody);
      const stranger = await api.token({ agencyId: strangerBody, roles: ['supervisor'] });
      const theirs = await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, { token: stranger });
      expect(theirs.body.rectifications).toEqual([]);
      const read = await api.call('GET', `/v1/supervision/matters/${matter.body.matterId}`, {
        token: tokens.leader,
      });
      expect(read.body.opinions[0].status).toBe('overdue');

      expect((await report(opinionId, { report: '已补录公示' })).status).toBe(200);
      const journal = await journalOf(matter.body.matterId);
      expect(journal.body.entries.at(-1)).toMatchObject({
        type: 'rectification.reported',
        data: { opinionId, late: true },
      });
      const after = await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, {
        token: tokens.supervisor,
      });
      expect(after.body.rectifications.map((item: { opinionId: string }) => item.opinionId)).not.toContain(
        opinionId,
      );
    } finally {
      await api.call('POST', '/dev/clock', { body: { now: '2026-03-02T02:00:00Z' } });
    }
  });

  it('[SUP-2] [SUP-3] isolation: another body, a former supervisor and another agency read and act on nothing; the agency opens and accepts nothing', async () => {
    const matter = await open({ ...hotline, sourceRef: '12345-20260302-0099' });
    const matterId: string = matter.body.matterId;
    const issued = await issue(matterId, {
      kind: 'opinion',
      ruleBroken: '违反程序规定',
      rectifyBy: '2026-04-01',
    });
    const opinionId: string = issued.body.opinions[0].opinionId;

    // The agency leaves the body's supervision for another's, until the checks below are done.
    await api.supervise(agencyId, newAgencyId());
    for (const token of [tokens.otherSupervisor, tokens.formerSupervisor, tokens.otherAdmin]) {
      expect((await api.call('GET', `/v1/supervision/matters/${matterId}`, { token })).status).toBe(404);
      expect((await journalOf(matterId, token)).status).toBe(404);
    }
    for (const token of [tokens.otherSupervisor, tokens.formerSupervisor]) {
      const listed = await api.call('GET', `/v1/supervision/matters?agencyId=${agencyId}`, { token });
      expect(listed.status).toBe(403);
      expect((await open(hotline, token)).status).toBe(403);
      expect(
        (await issue(matterId, { kind: 'opinion', ruleBroken: '越权', rectifyBy: '2026-04-01' }, token))
          .status,
      ).toBe(404);
    }
    for (const token of [tokens.otherSupervisor, tokens.formerSupervisor]) {
      expect((await answer(opinionId, { accepted: true, note: '越权验收' }, token)).status).toBe(404);
      expect((await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, { token })).status).toBe(
        403,
      );
    }
    await api.supervise(agencyId, bodyId);
    // The other agency's own list has none of them; its admin reports on none of them.
    const theirs = await api.call('GET', '/v1/supervision/matters', { token: tokens.otherAdmin });
    expect(theirs.body.items).toEqual([]);
    expect((await report(opinionId, { report: '越权整改' }, tokens.otherAdmin)).status).toBe(404);
    // A cursor of this agency's list opens nothing of it to another.
    const page = await api.call('GET', '/v1/supervision/matters?limit=1', { token: tokens.admin });
    const stolen = await api.call('GET', `/v1/supervision/matters?cursor=${page.body.nextCursor}`, {
      token: tokens.otherAdmin,
    });
    expect(stolen.status).toBe(400);

    // The agency opens no matter and answers no rectification; the body reports none.
    expect((await open(hotline, tokens.admin)).status).toBe(403);
    expect((await answer(opinionId, { accepted: true, note: '自行验收' }, tokens.admin)).status).toBe(403);
    expect((await report(opinionId, { report: '代为整改' }, tokens.supervisor)).status).toBe(403);
    // A unit head reads but does not report; an officer reads nothing.
    expect(
      (await api.call('GET', `/v1/supervision/matters/${matterId}`, { token: tokens.head })).status,
    ).toBe(200);
    expect((await report(opinionId, { report: '股室整改' }, tokens.head)).status).toBe(403);
    expect((await api.call('GET', '/v1/supervision/matters', { token: tokens.officer })).status).toBe(403);
    // No body opens a matter against itself.
    expect((await open({ ...hotline, agencyId: bodyId })).status).toBe(403);
  });

  it('[SUP-2] [SUP-3] bad input is a 400 naming each bad field in Chinese', async () => {
    const chinese = /[\u4e00-\u9fff]/;
    const expectFields = (
      response: { status: number; body: { error: { details: { path: string; message: string }[] } } },
      paths: string[],
    ) => {
      expect(response.status).toBe(400);
      const { details } = response.body.error;
      expect([...new Set(details.map((detail) => detail.path))].sort()).toEqual([...paths].sort());
      for (const detail of details) expect(detail.message).toMatch(chinese);
    };
    expectFields(
      await open({ agencyId: '', source: 'rumour', subject: { caseId: '' }, facts: '', extra: 1 }),
      ['agencyId', 'source', 'subject.caseId', 'facts', 'extra'],
    );
    expectFields(await open({ ...hotline, sourceRef: undefined }), ['sourceRef']);
    expectFields(await open({ ...hotline, subject: { caseId: 'NO-SUCH-CASE' } }), ['subject.caseId']);
    const matter = await open(hotline);
    expectFields(
      await issue(matter.body.matterId, { kind: 'order', ruleBroken: '', rectifyBy: '2026-02-30' }),
      ['kind', 'ruleBroken', 'rectifyBy'],
    );
    expectFields(
      await issue(matter.body.matterId, { kind: 'opinion', ruleBroken: '违反程序', rectifyBy: '2026-03-02' }),
      ['rectifyBy'],
    );
    const issued = await issue(matter.body.matterId, {
      kind: 'opinion',
      ruleBroken: '违反程序',
      rectifyBy: '2026-04-02',
    });
    const opinionId: string = issued.body.opinions[0].opinionId;
    expectFields(await report(opinionId, { report: '', attachments: [''] }), ['report', 'attachments.0']);
    expectFields(await answer(opinionId, { accepted: 'yes' }), ['accepted', 'note']);
    expect((await report('NO-SUCH-OPINION', { report: '已整改' })).status).toBe(404);
    expectFields(await api.call('GET', '/v1/supervision/matters', { token: tokens.supervisor }), [
      'agencyId',
    ]);
  });
});
