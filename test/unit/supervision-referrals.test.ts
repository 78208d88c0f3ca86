import { describe, expect, it } from 'vitest';
import { httpStatusOf } from '#shared/http/errors.ts';
import type { CaseRecord } from '#shared/recording/domain/case.ts';
import type { Opinion } from '#shared/supervision/domain/matter.ts';
import { matterSettled } from '#shared/supervision/domain/matter.ts';
import {
  namedReferralRefusal,
  type OpenReferral,
  type Referral,
  referralStatus,
  referralVerdict,
} from '#shared/supervision/domain/referral.ts';

const TODAY = '2026-12-07';
const decided = (status: CaseRecord['status'], revokedAt?: string) =>
  ({
    id: 'case-1',
    status,
    decision: { decidedOn: '2026-11-02', ...(revokedAt ? { revokedAt } : {}) },
  }) as unknown as CaseRecord;
const open: OpenReferral = { referralId: 'ref-1', matterId: 'm-1', agencyId: 'a', caseId: 'case-1' };
const onCase = { status: 'open' as const, subject: { caseId: 'case-1' } };

describe('referral for correction, a pure verdict (SUP-3)', () => {
  it.each([
    ['a decision in force, a deadline ahead', onCase, decided('served'), undefined, '2026-12-31', 'allowed'],
    ['a decision just issued', onCase, decided('decided'), undefined, '2026-12-08', 'allowed'],
    [
      'a closed case file (its decision still in force)',
      onCase,
      decided('closed'),
      undefined,
      '2026-12-31',
      'allowed',
    ],
    [
      'a closed matter',
      { ...onCase, status: 'closed' as const },
      decided('served'),
      undefined,
      '2026-12-31',
      'MATTER_CLOSED',
    ],
    [
      'a matter about a practice',
      { status: 'open' as const, subject: {} },
      undefined,
      undefined,
      '2026-12-31',
      'NO_CASE_SUBJECT',
    ],
    ['a case that no longer exists', onCase, undefined, undefined, '2026-12-31', 'NO_CASE_SUBJECT'],
    [
      'a case without a decision',
      onCase,
      { id: 'case-1', status: 'investigating' } as unknown as CaseRecord,
      undefined,
      '2026-12-31',
      'NO_DECISION_IN_FORCE',
    ],
    [
      'a decision already revoked',
      onCase,
      decided('revoked', '2026-11-20T00:00:00Z'),
      undefined,
      '2026-12-31',
      'NO_DECISION_IN_FORCE',
    ],
    [
      'a decision with a referral open (this matter or another)',
      onCase,
      decided('served'),
      open,
      '2026-12-31',
      'REFERRAL_OPEN',
    ],
    ['a deadline of today', onCase, decided('served'), undefined, TODAY, 'VALIDATION_FAILED'],
  ] as const)('[SUP-3] %s: %s', (_name, matter, record, openReferral, correctBy, expected) => {
    const verdict = referralVerdict({ matter, record, openReferral, correctBy, today: TODAY });
    if (expected === 'allowed') expect(verdict).toEqual({ allowed: true, caseId: 'case-1' });
    else {
      expect(verdict.allowed).toBe(false);
      if (verdict.allowed) return;
      expect(verdict.error.code).toBe(expected);
      expect(httpStatusOf(verdict.error)).toBeGreaterThanOrEqual(400);
      expect(httpStatusOf(verdict.error)).toBeLessThan(500);
      // Each refusal names the field, in Chinese.
      expect(verdict.error.details[0]?.path).toBe(expected === 'VALIDATION_FAILED' ? 'correctBy' : 'id');
      expect(verdict.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each([
    ['names nothing, none open', undefined, undefined, false],
    ['names nothing, one open (done anyway)', undefined, open, false],
    ['names the open one', 'ref-1', open, false],
    ['names another', 'ref-2', open, true],
    ['names one, none open', 'ref-1', undefined, true],
  ] as const)('[SUP-3] a revocation that %s', (_name, named, openReferral, refused) => {
    const refusal = namedReferralRefusal(named, openReferral);
    expect(refusal?.details[0]?.path).toBe(refused ? 'referralId' : undefined);
  });

  it('[SUP-3] a referral not acted on by its deadline is overdue; a done one never is', () => {
    const referral = { status: 'open', correctBy: '2026-12-06' } as Referral;
    expect(referralStatus(referral, new Date('2026-12-07T01:00:00Z'))).toBe('overdue');
    expect(referralStatus({ ...referral, correctBy: '2026-12-07' }, new Date('2026-12-07T01:00:00Z'))).toBe(
      'open',
    );
    expect(referralStatus({ ...referral, status: 'done' }, new Date('2026-12-07T01:00:00Z'))).toBe('done');
  });

  const opinion = (status: Opinion['status']) => ({ status }) as Opinion;
  const referral = (status: Referral['status']) => ({ status }) as Referral;
  it.each([
    ['nothing asked yet', [], [], false],
    ['a referral done, no opinion', [], [referral('done')], true],
    ['a referral open', [], [referral('open')], false],
    ['every opinion accepted, a referral open', [opinion('accepted')], [referral('open')], false],
    ['every opinion accepted, the referral done', [opinion('accepted')], [referral('done')], true],
    ['the referral done, an opinion waiting', [opinion('reported')], [referral('done')], false],
  ] as const)('[SUP-3] the matter is settled when %s: %s', (_name, opinions, referrals, settled) => {
    expect(matterSettled({ opinions: [...opinions], referrals: [...referrals] })).toBe(settled);
  });
});
