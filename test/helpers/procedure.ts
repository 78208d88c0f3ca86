import { expect } from 'vitest';
import type { TestApi } from '#test/helpers/api.ts';

/**
 * The records a general-procedure penalty needs before its decision (LAW-10): the investigation (an
 * interview, an activity that needs no AV by statute, and its record), the prior notice, its receipt of postal service, the party's statement and, unless
 * `hearing: 'open'`, a written hearing waiver; with `collective`, the heads' discussion (LAW-11);
 * the notice states `penalty`.
 * Returns the records by type, so a test can cite them as review materials.
 */
export async function completePenaltyProcedure(
  api: TestApi,
  token: string,
  caseId: string,
  options: {
    hearing?: 'waived' | 'open';
    collective?: boolean;
    statement?: boolean;
    /** The penalty the notice tells the party of, which binds the decision (LAW-10); ¥1,000,000 by default. */
    penalty?: { kind: string; amount?: number };
  } = {},
) {
  const record = async (type: string, title: string, fields: Record<string, unknown>) => {
    const response = await api.call('POST', `/v1/cases/${caseId}/records`, {
      token,
      body: { type, title, fields },
    });
    expect(response.status, response.text).toBe(201);
    return response.body as { id: string; number: string; createdAt: string };
  };
  // Investigation is an activity (REC-4): an interview, which needs no AV by statute, and its record.
  const registered = await api.call('GET', `/v1/cases/${caseId}`, { token });
  expect(registered.status, registered.text).toBe(200);
  const activity = await api.call('POST', `/v1/cases/${caseId}/activities`, {
    token,
    body: { type: 'interview', officers: registered.body.officers, location: '执法机关询问室' },
  });
  expect(activity.status, activity.text).toBe(201);
  const interview = await record('interview-record', '询问笔录', {
    interviewee: '当事人',
    place: '执法机关询问室',
    startedAt: '2026-11-02T09:00:00+08:00',
    endedAt: '2026-11-02T10:00:00+08:00',
    questionsAndAnswers: [{ question: '是否知晓相关规定？', answer: '知晓。' }],
  });
  const notice = await record('penalty-prior-notice', '行政处罚事先告知书', {
    facts: '经查，当事人存在违法行为',
    legalBasis: '《养老机构管理办法》第四十六条',
    proposedPenalty: '拟作出行政处罚',
    rights: '陈述、申辩、听证',
    penalty: options.penalty ?? { kind: 'fine', amount: 1_000_000 },
  });
  const service = await record('service-receipt', '送达回证', {
    documentNumber: notice.number,
    servedAt: notice.createdAt,
    recipient: '当事人',
    // Postal service proves itself by its tracking number; service on site would need AV (REC-4).
    method: 'mail',
    trackingNumber: 'EMS1234567890CN',
  });
  const statement =
    options.statement === false
      ? undefined
      : await record('statement-record', '陈述申辩笔录', { statement: '当事人对事实无异议，请求从轻处罚。' });
  const waiver =
    options.hearing === 'open'
      ? undefined
      : await record('hearing-waiver', '放弃听证声明', { statement: '本人放弃听证。' });
  const collective = options.collective
    ? await record('collective-discussion', '集体讨论记录', {
        heldAt: notice.createdAt,
        participants: ['局长', '副局长', '法制审核员'],
        conclusion: '同意拟处罚意见',
        minutes: '局务会集体讨论，同意承办股室的处罚意见。',
      })
    : undefined;
  return { interview, notice, service, statement, waiver, collective };
}
