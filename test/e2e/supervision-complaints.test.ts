import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
const otherAgency = newAgencyId();
const officer = officerInput({ name: '钱多多' });
const tokens: Record<string, string> = {};
const text = '三月二日上午在店内检查时未出示执法证件，态度粗暴';
const contact = '13900001111';

beforeAll(async () => {
  api = await startTestApi();
  await api.call('POST', '/dev/clock', { body: { now: '2026-03-02T02:00:00Z' } });
  tokens.admin = await api.token({ agencyId, roles: ['admin'] });
  tokens.head = await api.token({ agencyId, unitId: 'unit-1', roles: ['unit-head'], name: '刘股长' });
  tokens.officer = await api.token({ agencyId, unitId: 'unit-1', roles: ['officer'] });
  tokens.otherAdmin = await api.token({ agencyId: otherAgency, roles: ['admin'] });
  await api.supervise(agencyId, 'county-sfj');
  await api.supervise(otherAgency, 'other-sfj');
  tokens.supervisor = await api.token({ agencyId: 'county-sfj', roles: ['supervisor'] });
  tokens.otherSupervisor = await api.token({ agencyId: 'other-sfj', roles: ['supervisor'] });
  expect((await api.call('POST', '/v1/officers', { token: tokens.admin, body: officer })).status).toBe(201);
});
afterAll(async () => {
  await api.call('DELETE', '/dev/clock');
  await api.close();
});

const file = (body: unknown) => api.call('POST', '/public/v1/complaints', { body });
const aboutOfficer = { about: { kind: 'officer', ref: officer.certificateNo }, agencyId, text, contact };

describe('complaints that reach someone (SUP-1) through the local HTTP API', () => {
  it('[SUP-1] a complaint filed publicly is answered by the agency and read with the receipt alone', async () => {
    const filed = await file(aboutOfficer);
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({
      receipt: expect.stringMatching(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/),
      answerBy: '2026-05-01',
    });
    const receipt: string = filed.body.receipt;

    const before = await api.call('GET', `/public/v1/complaints/${receipt}`);
    expect(before.body).toEqual({ status: 'received', answerBy: '2026-05-01' });

    const listed = await api.call('GET', '/v1/complaints', { token: tokens.head });
    const mine = listed.body.items.find((item: { text: string }) => item.text === text);
    expect(mine).toMatchObject({
      about: { kind: 'officer', ref: officer.certificateNo },
      aboutName: '钱多多',
      contact,
    });

    const answered = await api.call('POST', `/v1/complaints/${mine.complaintId}/answer`, {
      token: tokens.head,
      body: { answer: '经核实，已对该执法人员批评教育并责令改正。' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: { answeredByName: '刘股长' } });
    const twice = await api.call('POST', `/v1/complaints/${mine.complaintId}/answer`, {
      token: tokens.admin,
      body: { answer: '再次答复' },
    });
    expect(twice.status).toBe(409);

    // Typed as people do: lower case, spaces for dashes.
    const typed = receipt.toLowerCase().replaceAll('-', ' ');
    const after = await api.call('GET', `/public/v1/complaints/${encodeURIComponent(typed)}`);
    expect(after.body).toEqual({
      status: 'answered',
      answerBy: '2026-05-01',
      answer: '经核实，已对该执法人员批评教育并责令改正。',
    });
    // LAW-5: what the complainant wrote is in no public answer.
    expect(after.text).not.toContain('态度粗暴');
    expect(after.text).not.toContain(contact);
    const page = await api.call('GET', `/complaints/${receipt}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('经核实，已对该执法人员批评教育并责令改正。');
    expect(page.text).toContain('2026年5月1日');
    expect(page.text).not.toContain('态度粗暴');
  });

  it('[SUP-1] [PUB-5] the certificate page’s older route feeds the same list, with a receipt', async () => {
    const filed = await api.call('POST', `/public/v1/officers/${officer.certificateNo}/complaints`, {
      body: { content: '窗口办理时推诿，多次让我补材料' },
    });
    expect(filed.status).toBe(202);
    expect((await api.call('GET', `/public/v1/complaints/${filed.body.receipt}`)).body.status).toBe(
      'received',
    );
    const listed = await api.call('GET', '/v1/complaints', { token: tokens.admin });
    expect(listed.body.items[0]).toMatchObject({
      complaintId: filed.body.complaintId,
      about: { kind: 'officer', ref: officer.certificateNo },
      text: '窗口办理时推诿，多次让我补材料',
    });
  });

  it('[SUP-1] bad input names each bad field; what it is about must exist; an unknown receipt is 404', async () => {
    const bad = await file({ about: { kind: 'neighbour', ref: '' }, agencyId, text: '短', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(
      ['about.kind', 'about.ref', 'extra', 'text'].sort(),
    );
    const tooLong = await file({ ...aboutOfficer, text: '长'.repeat(2001) });
    expect(tooLong.body.error.details).toEqual([expect.objectContaining({ path: 'text' })]);
    const unknown = await file({ ...aboutOfficer, about: { kind: 'decision', ref: 'NO-SUCH-DECISION' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'about.ref' })]);
    const wrongAgency = await file({ ...aboutOfficer, agencyId: otherAgency });
    expect(wrongAgency.status).toBe(404);
    expect((await api.call('GET', '/public/v1/complaints/0000-0000-0000-0000')).status).toBe(404);
    const malformed = await api.call('GET', '/public/v1/complaints/not-a-receipt');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([expect.objectContaining({ path: 'receipt' })]);
  });

  it('[SUP-1] [ORG-4] an overdue complaint is on its supervisor’s list; nobody else reads it', async () => {
    const filed = await file({ ...aboutOfficer, text: '逾期未答复的投诉：检查时扣押物品未开清单' });
    await api.call('POST', '/dev/clock', { body: { now: '2026-05-02T02:00:00Z' } });
    const overdue = await api.call('GET', `/v1/oversight/overdue?agencyId=${agencyId}`, {
      token: tokens.supervisor,
    });
    expect(overdue.status).toBe(200);
    expect(overdue.body.complaints).toEqual(
      expect.arrayContaining([expect.objectContaining({ answerBy: '2026-05-01', aboutName: '钱多多' })]),
    );
    // Answered ones have left the open-work index: only the unanswered are late.
    expect(
      overdue.body.complaints.every((item: { answerBy: string }) => item.answerBy === '2026-05-01'),
    ).toBe(true);
    expect((await api.call('GET', `/public/v1/complaints/${filed.body.receipt}`)).body.status).toBe(
      'overdue',
    );
    const supervised = await api.call('GET', `/v1/complaints?agencyId=${agencyId}&limit=1`, {
      token: tokens.supervisor,
    });
    expect(supervised.body.items).toEqual([expect.objectContaining({ status: 'overdue' })]);
    expect(supervised.body.nextCursor).toEqual(expect.any(String));
    const next = await api.call(
      'GET',
      `/v1/complaints?agencyId=${agencyId}&limit=1&cursor=${supervised.body.nextCursor}`,
      { token: tokens.supervisor },
    );
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].complaintId).not.toBe(supervised.body.items[0].complaintId);

    // Isolation: the supervisor of another agency, and the other agency itself, read nothing of this one.
    for (const path of [`/v1/complaints?agencyId=${agencyId}`, `/v1/oversight/overdue?agencyId=${agencyId}`])
      expect((await api.call('GET', path, { token: tokens.otherSupervisor })).status).toBe(403);
    expect((await api.call('GET', '/v1/complaints', { token: tokens.otherAdmin })).body.items).toEqual([]);
    const foreignAnswer = await api.call(
      'POST',
      `/v1/complaints/${supervised.body.items[0].complaintId}/answer`,
      {
        token: tokens.otherAdmin,
        body: { answer: '越权答复' },
      },
    );
    expect(foreignAnswer.status).toBe(404);
    // A cursor of this agency's list gives the other agency nothing either.
    const stolen = await api.call('GET', `/v1/complaints?cursor=${supervised.body.nextCursor}`, {
      token: tokens.otherAdmin,
    });
    expect(stolen.status).toBe(400);
    expect((await api.call('GET', '/v1/complaints', { token: tokens.officer })).status).toBe(403);
  });
});
