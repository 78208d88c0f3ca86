import { createHash } from 'node:crypto';
import type { Principal } from '#shared/kernel/principal.ts';
import { REVIEW_STANDARDS } from '#shared/legal-review/domain/review.ts';

/**
 * The happy path of a general-procedure penalty case (LAW-10, LAW-11, LAW-4), over HTTP as any
 * client walks it: register; investigate on site with AV, certificates shown and rights told;
 * prior notice; its service, recorded; the party's statement; the hearing waived in writing; legal
 * review of the proposal; the heads' collective discussion; the decision; its service; execution;
 * archive. `npm start` walks it once for the demo agency, and an end-to-end test walks it too.
 */
export interface ScenarioClient {
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
    // biome-ignore lint/suspicious/noExplicitAny: the scenario reads response bodies of many shapes
  ): Promise<{ status: number; body: any; text: string }>;
  token(principal: Omit<Principal, 'unitId'> & { unitId?: string }): Promise<string>;
}

export interface ScenarioCast {
  agencyId: string;
  unitId: string;
  /** Two certificates of the handling unit, for penalties, each with the account below. */
  officers: [string, string];
  /** The handler who registers the case (an account of one of the officers). */
  handler: string;
  /** A qualified reviewer who handles nothing in the case. */
  reviewer: string;
  /** An administrator who records the reviewer's qualification. */
  admin: string;
  matterId?: string;
}

const PARTY = {
  kind: 'person' as const,
  name: '杨某某',
  idNumber: '530524197805061235',
  phone: '13888886666',
  address: '昌宁县田园镇某村',
};
const PROPOSAL = {
  type: 'penalty',
  summary: '当事人经营的养老服务点未建立入院评估制度，经责令改正拒不改正，处罚款二万元。',
  legalBasis: '《养老机构管理办法》第四十六条',
  penalty: { kind: 'fine' as const, amount: 20_000 },
};

export async function walkPenaltyCase(client: ScenarioClient, cast: ScenarioCast) {
  const as = (sub: string, roles: Principal['roles'], name: string) =>
    client.token({ sub, name, agencyId: cast.agencyId, unitId: cast.unitId, roles });
  const handler = await as(cast.handler, ['officer'], '承办人');
  const reviewer = await as(cast.reviewer, ['reviewer'], '法制审核员');
  const admin = await as(cast.admin, ['admin'], '系统管理员');

  async function expectOk(step: string, method: string, path: string, token: string, body?: unknown) {
    const response = await client.call(method, path, { token, ...(body !== undefined ? { body } : {}) });
    if (response.status >= 300) throw new Error(`${step}: ${response.status} ${response.text}`);
    return response.body;
  }
  const record = (caseId: string, type: string, title: string, fields: Record<string, unknown>) =>
    expectOk(`record ${type}`, 'POST', `/v1/cases/${caseId}/records`, handler, { type, title, fields });
  const now = () => new Date().toISOString();

  async function recordedActivity(caseId: string, type: string, location: string) {
    const informing = { certificatesShown: true, documentShown: true, rightsExplained: true };
    const activity = await expectOk(`activity ${type}`, 'POST', `/v1/cases/${caseId}/activities`, handler, {
      type,
      officers: cast.officers,
      location,
      informing,
    });
    const bytes = Buffer.from(`执法记录仪录像：${type} ${activity.id}`);
    const evidence = await expectOk('evidence', 'POST', `/v1/cases/${caseId}/evidence`, handler, {
      activityId: activity.id,
      fileName: `${type}-${activity.id}.mp4`,
      contentType: 'video/mp4',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      capturedAt: now(),
      deviceId: 'DSJ-CN-0001',
      officer: cast.officers[0],
      location,
      fullProcess: true,
    });
    const put = await fetch(evidence.upload.url, {
      method: 'PUT',
      headers: evidence.upload.headers,
      body: bytes,
    });
    if (put.status !== 200) throw new Error(`evidence upload: ${put.status} ${await put.text()}`);
    await client.call('POST', '/dev/evidence-arrivals');
    await expectOk(
      'complete activity',
      'POST',
      `/v1/cases/${caseId}/activities/${activity.id}/complete`,
      handler,
      {
        informing,
      },
    );
    return activity.id as string;
  }

  await expectOk('reviewer qualification', 'PUT', `/v1/reviewers/${cast.reviewer}`, admin, {
    name: '法制审核员',
    legalQualificationNo: 'A20195305240001',
    qualifiedOn: '2019-03-01',
    trainings: [{ title: '新《行政处罚法》专题培训', date: '2026-04-20', hours: 8 }],
  });
  await expectOk('device', 'POST', '/v1/devices', admin, {
    deviceId: 'DSJ-CN-0001',
    kind: 'body-camera',
    unitId: cast.unitId,
    custodian: cast.handler,
    model: '执法记录仪',
  });

  const created = await expectOk('register', 'POST', '/v1/cases', handler, {
    category: 'penalty',
    procedure: 'general',
    title: '杨某某养老服务点未建立入院评估制度案',
    ...(cast.matterId ? { matterId: cast.matterId } : {}),
    party: PARTY,
    officers: cast.officers,
    unitId: cast.unitId,
    amountInvolved: 20_000,
    flags: { complex: true },
  });
  const caseId = created.id as string;
  await expectOk('investigating', 'POST', `/v1/cases/${caseId}/transitions`, handler, {
    to: 'investigating',
  });
  await recordedActivity(caseId, 'on-site-inspection', '昌宁县田园镇某村养老服务点');
  await record(caseId, 'on-site-inspection-record', '现场检查笔录', {
    place: '昌宁县田园镇某村养老服务点',
    startedAt: now(),
    endedAt: now(),
    inspectedParty: PARTY.name,
    findings: '未建立入院评估制度，收住老人12人均无入院评估记录；经责令限期改正，逾期仍未改正。',
  });
  const notice = await record(caseId, 'penalty-prior-notice', '行政处罚事先告知书', {
    facts: '当事人未建立入院评估制度，经责令改正拒不改正。',
    legalBasis: PROPOSAL.legalBasis,
    proposedPenalty: '罚款人民币二万元',
    rights: '当事人享有陈述、申辩的权利；可在告知书送达之日起五个工作日内要求听证。',
    penalty: PROPOSAL.penalty,
  });
  const noticeService = await recordedActivity(caseId, 'service', '当事人住所');
  await record(caseId, 'service-receipt', '送达回证', {
    documentNumber: notice.number,
    servedAt: now(),
    recipient: PARTY.name,
    method: 'direct',
    place: '当事人住所',
    activityId: noticeService,
  });
  await record(caseId, 'statement-record', '陈述申辩笔录', {
    statedAt: now(),
    statement: '当事人承认未建立入院评估制度，称已开始整改，请求从轻处罚。',
    assessment: '当事人提出的理由不足以减轻处罚，维持拟处罚意见。',
  });
  await record(caseId, 'hearing-waiver', '放弃听证声明', {
    waivedAt: now(),
    statement: '本人已知悉听证权利，放弃听证。',
    signedBy: PARTY.name,
  });
  await expectOk('pending decision', 'POST', `/v1/cases/${caseId}/transitions`, handler, {
    to: 'pending-decision',
  });
  const review = await expectOk('submit review', 'POST', `/v1/cases/${caseId}/reviews`, handler, {
    proposal: PROPOSAL,
    materials: [notice.id],
    note: '案情较复杂，拟处罚款二万元，提请法制审核。',
  });
  await expectOk('opinion', 'POST', `/v1/reviews/${review.id}/opinions`, reviewer, {
    findings: REVIEW_STANDARDS.map((standard) => ({ standard, result: 'pass' })),
    conclusion: 'approved',
    opinion: '执法主体合法，程序合法，事实清楚，证据充分，适用依据正确，裁量适当，同意作出处罚决定。',
  });
  await record(caseId, 'collective-discussion', '集体讨论记录', {
    heldAt: now(),
    participants: ['局长', '副局长', '党政办公室主任', '社会事务股股长'],
    conclusion: '同意对当事人处罚款二万元。',
    minutes: '局务会议听取承办股室汇报和法制审核意见，经集体讨论，同意处罚款二万元。',
  });
  // The decision's content is the approved proposal: nothing is typed again (REC-12).
  const decision = await expectOk('decision', 'POST', `/v1/cases/${caseId}/decision`, handler, {});
  const decisionService = await recordedActivity(caseId, 'service', '当事人住所');
  await record(caseId, 'service-receipt', '送达回证', {
    documentId: decision.document.recordId,
    servedAt: now(),
    recipient: PARTY.name,
    method: 'direct',
    place: '当事人住所',
    activityId: decisionService,
  });
  for (const to of ['executed', 'closed', 'archived']) {
    await expectOk(`transition ${to}`, 'POST', `/v1/cases/${caseId}/transitions`, handler, { to });
  }
  return { caseId, reviewId: review.id as string, decisionId: decision.decisionId as string };
}

/** The decision's publication, checked (审查) and published at once by an administrator (PUB-1). */
export async function publishDecisionNow(client: ScenarioClient, caseId: string, adminToken: string) {
  const found = await client.call('GET', `/v1/cases/${caseId}`, { token: adminToken });
  const publicationId = found.body.decision.publicationId as string;
  for (const step of ['confirmation', 'publish']) {
    const answer = await client.call('POST', `/v1/publications/${publicationId}/${step}`, {
      token: adminToken,
    });
    if (answer.status !== 200) throw new Error(`publication ${step}: ${answer.status} ${answer.text}`);
  }
  return publicationId;
}

/** A court's judgment revokes the decision: its publication is withdrawn, with the reason (PUB-11). */
export async function revokeDecision(
  client: ScenarioClient,
  caseId: string,
  token: string,
  effectiveOn: string,
) {
  const answer = await client.call('POST', `/v1/cases/${caseId}/decision/revocations`, {
    token,
    body: {
      kind: 'revoked',
      reason: '经行政复议，认定该处罚决定认定事实不清，予以撤销。',
      effectiveOn,
      authority: '昌宁县人民政府',
      documentNo: '昌政复决〔2026〕3号',
    },
  });
  if (answer.status !== 200) throw new Error(`revocation: ${answer.status} ${answer.text}`);
}
