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
