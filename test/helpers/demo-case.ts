import { expect } from 'vitest';
import { usersOf } from '#local/seed.ts';
import type { TestApi } from '#test/helpers/api.ts';

/** The demo officers (王秀兰 and 李明华) who take a demo agency's penalty cases. */
export const DEMO_CASE_OFFICERS = ['YN-CN-MZ-0002', 'YN-CN-MZ-0001'];

/**
 * A penalty case registered over the API by the demo officer of a seeded demo agency (matter
 * MZ-CF-002, the two demo officers), as the console tests start from one; the officer's token.
 */
export async function registerDemoCase(
  api: TestApi,
  agencyId: string,
  body: { title: string; party: Record<string, unknown>; flags?: Record<string, boolean> },
): Promise<{ token: string; caseId: string }> {
  const officer = usersOf(agencyId).find((user) => user.sub === 'demo-officer');
  if (!officer) throw new Error('the demo has an officer');
  const token = await api.token(officer);
  const created = await api.call('POST', '/v1/cases', {
    token,
    body: { category: 'penalty', matterId: 'MZ-CF-002', officers: DEMO_CASE_OFFICERS, ...body },
  });
  expect(created.status, created.text).toBe(201);
  return { token, caseId: created.body.id as string };
}

/** The demo case's proposed decision: a fine of 20,000 yuan for the missing admission assessment. */
export const DEMO_PROPOSAL = {
  summary: '当事人未建立入院评估制度，经责令改正拒不改正，处罚款二万元。',
  legalBasis: '《养老机构管理办法》第四十六条',
};

/** The demo case's prior notice of the penalty (事先告知书), recorded by its officer; its record id. */
export async function recordDemoNotice(api: TestApi, token: string, caseId: string): Promise<string> {
  const notice = await api.call('POST', `/v1/cases/${caseId}/records`, {
    token,
    body: {
      type: 'penalty-prior-notice',
      title: '行政处罚事先告知书',
      fields: {
        facts: '当事人未建立入院评估制度，经责令改正拒不改正。',
        legalBasis: DEMO_PROPOSAL.legalBasis,
        proposedPenalty: '罚款人民币二万元',
        rights: '当事人享有陈述、申辩的权利。',
        penalty: { kind: 'fine', amount: 20_000 },
      },
    },
  });
  expect(notice.status, notice.text).toBe(201);
  return notice.body.id as string;
}

/**
 * A demo case with its prior notice, submitted for legal review with the proposal: the pending
 * review a reviewer's workbench or a leader's extension starts from; its id and the officer's token.
 */
export async function submitDemoReview(
  api: TestApi,
  agencyId: string,
  body: { title: string; party: Record<string, unknown> },
): Promise<{ token: string; caseId: string; reviewId: string }> {
  const { token, caseId } = await registerDemoCase(api, agencyId, body);
  const notice = await recordDemoNotice(api, token, caseId);
  const review = await api.call('POST', `/v1/cases/${caseId}/reviews`, {
    token,
    body: {
      proposal: { type: 'penalty', ...DEMO_PROPOSAL, penalty: { kind: 'fine', amount: 20000 } },
      materials: [notice],
    },
  });
  expect(review.status, review.text).toBe(201);
  return { token, caseId, reviewId: review.body.id as string };
}
