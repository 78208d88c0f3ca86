import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, dateText, legalDateOf } from '#shared/kernel/dates.ts';
import { newAgencyId, officerInput, startTestApi, type TestApi } from '#test/helpers/api.ts';

let api: TestApi;
const agencyId = newAgencyId();
const otherAgency = newAgencyId();
const bodyId = newAgencyId();
const otherBody = newAgencyId();
const a = officerInput({ userId: 'referral-a' });
const b = officerInput({ userId: 'referral-b' });
const t: Record<string, string> = {};
const today = () => legalDateOf(new Date());
const correctBy = () => addCalendarDays(today(), 30);

beforeAll(async () => {
  api = await startTestApi();
  t.admin = await api.token({ agencyId, roles: ['admin'] });
  t.leader = await api.token({ agencyId, roles: ['leader'], name: '李局长' });
  t.handler = await api.token({ sub: 'referral-a', agencyId, roles: ['officer'] });
  t.otherAdmin = await api.token({ agencyId: otherAgency, roles: ['admin'] });
  t.supervisor = await api.token({ agencyId: bodyId, roles: ['supervisor'], name: '何监督' });
  t.otherSupervisor = await api.token({ agencyId: otherBody, roles: ['supervisor'] });
  const agencyProfile = await api.call('PUT', '/v1/agency', {
    token: t.admin,
    body: { name: '昌宁县纠正测试局', region: '昌宁县', documentPrefix: '昌纠', units: [] },
  });
  expect(agencyProfile.status, agencyProfile.text).toBe(200);
  const bodyAdmin = await api.token({ agencyId: bodyId, roles: ['admin'] });
  const bodyProfile = await api.call('PUT', '/v1/agency', {
    token: bodyAdmin,
    body: { name: '昌宁县司法局', region: '昌宁县', documentPrefix: '昌司', units: [] },
  });
  expect(bodyProfile.status, bodyProfile.text).toBe(200);
  for (const officer of [a, b])
    expect((await api.call('POST', '/v1/officers', { token: t.admin, body: officer })).status).toBe(201);
  await api.supervise(agencyId, bodyId);
  await api.supervise(otherAgency, otherBody);
});
afterAll(() => api.close());

/** A simple-procedure warning, decided and so in force: its publication is due. */
async function decidedCase() {
  const created = await api.call('POST', '/v1/cases', {
    token: t.handler,
    body: {
      category: 'penalty',
      procedure: 'simple',
      title: '某商店未明码标价案',
      party: { kind: 'person', name: '张某某', idNumber: '530524198512120013' },
      officers: [a.certificateNo, b.certificateNo],
    },
  });
  expect(created.status, created.text).toBe(201);
  const decided = await api.call('POST', `/v1/cases/${created.body.id}/decision`, {
    token: t.handler,
    body: { type: 'penalty', summary: '给予警告', legalBasis: '第三十条', penalty: { kind: 'warning' } },
  });
  expect(decided.status, decided.text).toBe(201);
  return created.body.id as string;
}

const openMatter = async (subject: object, token = t.supervisor) => {
  const opened = await api.call('POST', '/v1/supervision/matters', {
    token,
    body: { agencyId, source: 'own-finding', subject, facts: '案卷评查发现该案适用简易程序不当' },
  });
  expect(opened.status, opened.text).toBe(201);
  return opened.body.matterId as string;
};
const referral = () => ({
  kind: '建议撤销',
  reason: '当事人违法事实不清，适用简易程序作出处罚不当',
  ruleBroken: '违反《中华人民共和国行政处罚法》第五十一条',
  correctBy: correctBy(),
});
const refer = (matterId: string, body: unknown = referral(), token = t.supervisor) =>
  api.call('POST', `/v1/supervision/matters/${matterId}/referrals`, { token, body });
const revoke = (caseId: string, extra: object = {}) =>
  api.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
    token: t.admin,
    body: { kind: 'revoked', reason: '根据监督机关建议自行撤销', effectiveOn: today(), ...extra },
  });

describe('a decision found unlawful referred for correction (SUP-3, PUB-11) through the local HTTP API', () => {
  it('[SUP-3] the body refers the decision of the matter’s case; the agency sees it on its matter; never twice while open', async () => {
    const caseId = await decidedCase();
    const matterId = await openMatter({ caseId });
    const referred = await refer(matterId);
    expect(referred.status, referred.text).toBe(201);
    // The matter names its case as people do, by the case's own title: never its id on a screen.
    const { body: theCase } = await api.call('GET', `/v1/cases/${caseId}`, { token: t.handler });
    expect(referred.body.subject).toEqual({ caseId, caseTitle: theCase.title });
    expect(referred.body.referrals).toEqual([
      expect.objectContaining({
        kind: 'revocation',
        caseId,
        decisionNumber: expect.stringMatching(/^昌纠罚〔\d{4}〕\d+号$/),
        correctBy: correctBy(),
        status: 'open',
        referredByName: '何监督',
      }),
    ]);
    // The agency reads it, as on its 整改 screen; another agency does not.
    const seen = await api.call('GET', `/v1/supervision/matters/${matterId}`, { token: t.leader });
    expect(seen.body.referrals[0]).toMatchObject({ referralId: referred.body.referrals[0].referralId });
    expect(
      (await api.call('GET', `/v1/supervision/matters/${matterId}`, { token: t.otherAdmin })).status,
    ).toBe(404);

    // Never twice for one decision while one is open: not in this matter, not in another.
    const again = await refer(matterId);
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ code: 'REFERRAL_OPEN', details: [{ path: 'id' }] });
    const elsewhere = await refer(await openMatter({ caseId }));
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.code).toBe('REFERRAL_OPEN');
  });

  it('[SUP-3] only the body’s supervisor refers, only a decision in force of an agency it supervises; each refusal names the field in Chinese', async () => {
    const caseId = await decidedCase();
    const matterId = await openMatter({ caseId });
    // Another body's supervisor does not see the matter at all; the agency cannot refer its own.
    expect((await refer(matterId, referral(), t.otherSupervisor)).status).toBe(404);
    expect((await refer(matterId, referral(), t.admin)).status).toBe(403);
    // Another body cannot open a matter on an agency it does not supervise to refer from.
    const foreign = await api.call('POST', '/v1/supervision/matters', {
      token: t.otherSupervisor,
      body: { agencyId, source: 'own-finding', subject: { caseId }, facts: '自行发现' },
    });
    expect(foreign.status).toBe(403);
    // A matter about a practice has no decision to refer.
    const practice = await refer(await openMatter({ practice: '以罚代管' }));
    expect(practice.status).toBe(422);
    expect(practice.body.error).toMatchObject({ code: 'NO_CASE_SUBJECT', details: [{ path: 'id' }] });
    // Bad input: each bad field named, in Chinese.
    const bad = await refer(matterId, {
      kind: '撤销',
      reason: '',
      ruleBroken: '违反第五十一条',
      correctBy: today(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      'kind',
      'reason',
    ]);
    const past = await refer(matterId, { ...referral(), correctBy: today() });
    expect(past.status).toBe(400);
    expect(past.body.error.details).toEqual([{ path: 'correctBy', message: '纠正期限须晚于今天' }]);
  });

  it('[SUP-3] [PUB-11] the agency revokes the decision naming the referral: the publication is withdrawn, the referral done, the matter’s journal records it', async () => {
    const caseId = await decidedCase();
    const matterId = await openMatter({ caseId });
    const referralId: string = (await refer(matterId)).body.referrals[0].referralId;
    // A revocation naming a referral that is not the one open on this case is refused, naming it.
    const wrong = await revoke(caseId, { referralId: '01JNOSUCHREFERRAL000000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([
      { path: 'referralId', message: '本案没有这件未办结的纠正移送' },
    ]);

    const revoked = await revoke(caseId, { referralId });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.referralId).toBe(referralId);
    // PUB-11: the publication is withdrawn.
    const record = await api.call('GET', `/v1/cases/${caseId}`, { token: t.admin });
    const publicationId: string = record.body.decision.publicationId;
    const shown = await api.call('GET', `/public/v1/publications/${publicationId}`);
    expect(shown.body).toMatchObject({ status: 'withdrawn', reason: '决定已撤销：根据监督机关建议自行撤销' });

    const matter = await api.call('GET', `/v1/supervision/matters/${matterId}`, { token: t.supervisor });
    expect(matter.body.referrals[0]).toMatchObject({
      referralId,
      status: 'done',
      done: { revocationKind: 'revoked', effectiveOn: today() },
    });
    // Nothing else waited in the matter: it is closed with the referral.
    expect(matter.body.status).toBe('closed');
    const journal = await api.call('GET', `/v1/supervision/matters/${matterId}/journal`, { token: t.leader });
    expect(journal.body.entries.map((entry: { type: string }) => entry.type)).toEqual([
      'matter.opened',
      'decision.referred',
      'referral.done',
    ]);
    expect(journal.body.entries[2].data).toMatchObject({
      referralId,
      caseId,
      revocationKind: 'revoked',
      matterClosed: true,
    });
    expect(journal.body.verification).toEqual({ ok: true, entries: 3 });
    const caseJournal = await api.call('GET', `/v1/cases/${caseId}/journal`, { token: t.admin });
    expect(caseJournal.body.entries.at(-1)).toMatchObject({ type: 'decision.revoked', data: { referralId } });
    // The decision is no longer in force: nothing left to refer, from a matter opened anew.
    expect((await refer(matterId)).body.error.code).toBe('MATTER_CLOSED');
    const after = await refer(await openMatter({ caseId }));
    expect(after.status).toBe(422);
    expect(after.body.error.code).toBe('NO_DECISION_IN_FORCE');
  });

  it('[SUP-3] a revocation that does not name the open referral still does it: no referral stays open on a revoked decision', async () => {
    const caseId = await decidedCase();
    const matterId = await openMatter({ caseId });
    const referralId: string = (await refer(matterId)).body.referrals[0].referralId;
    const revoked = await revoke(caseId);
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.referralId).toBe(referralId);
    const matter = await api.call('GET', `/v1/supervision/matters/${matterId}`, { token: t.leader });
    expect(matter.body.referrals[0].status).toBe('done');
  });

  it('[SUP-3] [PUB-16] the opinion prints for both sides and nobody else; its text holds the number, the agency and the deadline', async () => {
    const matterId = await openMatter({ practice: '以罚代管' });
    const deadline = correctBy();
    const issued = await api.call('POST', `/v1/supervision/matters/${matterId}/opinions`, {
      token: t.supervisor,
      body: {
        kind: 'opinion',
        ruleBroken: '违反《行政处罚法》第二十八条',
        demand: '逐案责令改正',
        rectifyBy: deadline,
      },
    });
    expect(issued.status, issued.text).toBe(201);
    const { opinionId, number, verificationCode } = issued.body.opinions[0];
    const path = `/v1/supervision/opinions/${opinionId}/pdf`;
    for (const token of [t.supervisor, t.leader]) {
      const printed = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(printed.status).toBe(200);
      expect(printed.headers.get('content-type')).toBe('application/pdf');
      const file = join(mkdtempSync(join(tmpdir(), 'supervision-opinion-')), 'opinion.pdf');
      writeFileSync(file, Buffer.from(await printed.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
        .toString('utf8')
        .replace(/\s+/g, '');
      for (const expected of [
        '昌宁县司法局',
        '行政执法监督意见书',
        number,
        '主送：昌宁县纠正测试局',
        `整改期限：${dateText(deadline)}`,
        verificationCode,
      ])
        expect(text).toContain(expected);
    }
    for (const token of [t.otherSupervisor, t.otherAdmin])
      expect((await api.call('GET', path, { token })).status).toBe(404);
    expect((await api.call('GET', path, { token: t.handler })).status).toBe(403);
    // Its code is checked on the public site like a case document's.
    const verified = await api.call('GET', `/public/v1/documents/${verificationCode}`);
    expect(verified.body).toMatchObject({
      agencyName: '昌宁县司法局',
      typeName: '行政执法监督意见书',
      number,
      status: 'in-force',
    });
  });
});
