import { describe, expect, it } from 'vitest';
import {
  type IssuanceFacts,
  issuanceVerdict,
  issuedDecision,
  revocationVerdict,
} from '#shared/decisions/domain/issuance.ts';
import { DomainError } from '#shared/kernel/errors.ts';
import type { Review } from '#shared/legal-review/domain/review.ts';
import type { PublicationRule } from '#shared/publicity/domain/publication.ts';
import type { CaseRecord, Decision } from '#shared/recording/domain/case.ts';
import type { StepState } from '#shared/recording/domain/procedure.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';

/**
 * "May this decision be issued?" as one pure function (issue 11): every rule of the legal
 * guarantees checked on facts, without a database. The e2e tests walk the same rules over HTTP.
 */
const proposal: Proposal = {
  type: '行政处罚决定',
  summary: '罚款二万元',
  legalBasis: '《养老机构管理办法》第四十六条',
  penalty: { kind: 'fine', amount: 20000 },
};
const record = (change: Partial<CaseRecord> = {}) =>
  ({
    id: 'case-1',
    agencyId: 'agency',
    category: 'penalty',
    status: 'pending-decision',
    party: { kind: 'organization', name: '某公司' },
    flags: {},
    createdBy: 'handler',
    handlers: ['handler'],
    createdAt: '2026-11-01T02:00:00.000Z',
    ...change,
  }) as CaseRecord;
const approval = (change: Partial<Review> = {}) =>
  ({
    id: 'review-1',
    status: 'approved',
    proposalHash: 'hash-of-proposal',
    proposal,
    rounds: [
      { submittedBy: 'handler', opinion: { reviewer: 'reviewer', signedAt: '2026-11-20T02:00:00.000Z' } },
    ],
    ...change,
  }) as Review;
const done: StepState = {
  step: 'penalty-prior-notice',
  label: '事先告知',
  status: 'done',
  detail: '已送达',
} as StepState;
const facts = (change: Partial<IssuanceFacts> = {}): IssuanceFacts => ({
  record: record(),
  proposal,
  proposalHash: 'hash-of-proposal',
  decidedBy: 'handler',
  reviews: [],
  requirement: { required: false, matched: [] },
  avGaps: [],
  procedure: { procedureName: '普通程序', steps: [done] },
  ...change,
});
const major = {
  required: true,
  matched: [{ code: 'R1', title: '较大数额罚款', source: 'catalog' }],
} as IssuanceFacts['requirement'];

function refusal(verdict: ReturnType<typeof issuanceVerdict>) {
  if (verdict.allowed) throw new Error('expected a refusal');
  expect(verdict.error).toBeInstanceOf(DomainError);
  return verdict;
}
const codeOf = (verdict: ReturnType<typeof issuanceVerdict>) => {
  const refused = refusal(verdict);
  return (refused.error as DomainError & { code: string }).code;
};

describe('issuanceVerdict', () => {
  it('allows a decision that needs no review once AV and every step are done', () => {
    expect(issuanceVerdict(facts())).toEqual({ allowed: true, approval: undefined });
  });

  it('refuses a second decision, and a case whose status cannot move to decided', () => {
    const decided = record({ status: 'decided', decision: { id: 'd1' } as Decision });
    expect(codeOf(issuanceVerdict(facts({ record: decided })))).toBe('CONFLICT');
    expect(codeOf(issuanceVerdict(facts({ record: record({ status: 'served' }) })))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('[REV-4] refuses after a criminal transfer, and [LAW-10] a penalty without its kind', () => {
    expect(codeOf(issuanceVerdict(facts({ reviews: [approval({ status: 'transferred' })] })))).toBe(
      'CRIMINAL_TRANSFER',
    );
    const { penalty: _penalty, ...noPenalty } = proposal;
    expect(codeOf(issuanceVerdict(facts({ proposal: noPenalty })))).toBe('VALIDATION_FAILED');
  });

  it('[REV-2] [LAW-3] a major decision needs an approval of this very proposal, and keeps the refused one', () => {
    const none = refusal(issuanceVerdict(facts({ requirement: major })));
    expect(none.keepProposal).toBe(true);
    expect((none.error as DomainError & { code: string }).code).toBe('REVIEW_REQUIRED');
    const other = refusal(
      issuanceVerdict(facts({ requirement: major, reviews: [approval({ proposalHash: 'another' })] })),
    );
    expect(other.error.message).toContain('不一致');
    const approved = issuanceVerdict(facts({ requirement: major, reviews: [approval()] }));
    expect(approved).toMatchObject({ allowed: true, approval: { id: 'review-1' } });
  });

  it('[LAW-12] an approval used before, given before the last revocation, or by someone now on the case does not stand', () => {
    for (const reviews of [
      [approval({ usedByDecision: 'd0' })],
      [
        approval({
          rounds: [
            {
              submittedBy: 'handler',
              opinion: { reviewer: 'reviewer', signedAt: '2026-11-01T00:00:00.000Z' },
            },
          ] as Review['rounds'],
        }),
      ],
    ]) {
      const revoked = record({
        previousDecisions: [{ id: 'd0', revokedAt: '2026-11-10T00:00:00.000Z' } as Decision],
      });
      expect(codeOf(issuanceVerdict(facts({ record: revoked, requirement: major, reviews })))).toBe(
        'REVIEW_REQUIRED',
      );
    }
    const joined = record({ handlers: ['handler', 'reviewer'] });
    const lapsed = refusal(
      issuanceVerdict(facts({ record: joined, requirement: major, reviews: [approval()] })),
    );
    expect(JSON.stringify(lapsed.error)).toContain('已失效');
  });

  it('[LAW-12] the reviewer who approved it may not issue it', () => {
    const verdict = issuanceVerdict(
      facts({ requirement: major, reviews: [approval()], decidedBy: 'reviewer', record: record() }),
    );
    expect(codeOf(verdict)).toBe('FORBIDDEN');
  });

  it('[REC-11] refuses while AV is missing, then [LAW-11] while a step is not done, naming each', () => {
    const gap = {
      activityId: 'a1',
      activityType: 'on-site-inspection',
      requirement: 'av',
      reason: 'open',
    } as const;
    const av = refusal(issuanceVerdict(facts({ avGaps: [gap] })));
    expect(av.error).toMatchObject({ code: 'AV_REQUIRED', details: [{ path: 'activities.a1' }] });
    const missing = {
      ...done,
      step: 'statement',
      label: '陈述申辩',
      status: 'missing',
      detail: '未记录',
    } as StepState;
    const steps = refusal(
      issuanceVerdict(facts({ procedure: { procedureName: '普通程序', steps: [done, missing] } })),
    );
    expect(steps.error).toMatchObject({
      code: 'PROCEDURE_INCOMPLETE',
      details: [{ path: 'steps.statement' }],
    });
  });
});

describe('issuedDecision', () => {
  const rule = {
    workingDays: 7,
    publishWhen: 'decided',
    periodMonths: { default: 36 },
  } as unknown as PublicationRule;
  const base = {
    record: record(),
    proposal,
    approval: undefined,
    decidedBy: 'handler',
    now: new Date('2026-12-01T02:00:00.000Z'),
    decidedOn: '2026-12-01',
    ids: { decision: 'd1', publication: 'p1' },
    document: { id: 'r1', number: '昌民罚〔2026〕1号', sha256: 'a'.repeat(64) },
    rule,
    previous: undefined,
  };

  it('[PUB-9] schedules the publication by its deadline, or holds it while the calendar is unconfirmed', () => {
    const scheduled = issuedDecision({
      ...base,
      due: { dueBy: '2026-12-10', calendarVersions: { 2026: 1 } },
    });
    expect(scheduled.decision).toMatchObject({
      id: 'd1',
      decidedOn: '2026-12-01',
      publicationId: 'p1',
      document: { recordId: 'r1', number: '昌民罚〔2026〕1号' },
    });
    expect(scheduled.publication.documentNumber).toBe('昌民罚〔2026〕1号');
    expect(scheduled.publication).toMatchObject({ status: 'scheduled', dueBy: '2026-12-10', workingDays: 7 });
    const held = issuedDecision({ ...base, due: { dueBy: null, calendarVersions: {} } });
    expect(held.publication.status).toBe('deadline-unconfirmed');
  });

  it('[LAW-5] a minor party’s decision is exempt from publication; a re-made decision says what it replaces', () => {
    const minor = record({ party: { kind: 'person', name: '张三', minor: true } as CaseRecord['party'] });
    const exempt = issuedDecision({
      ...base,
      record: minor,
      due: { dueBy: '2026-12-10', calendarVersions: {} },
    });
    expect(exempt.publication.status).toBe('exempt');
    const remade = issuedDecision({
      ...base,
      previous: { id: 'p0' } as never,
      due: { dueBy: '2026-12-10', calendarVersions: {} },
    });
    expect(remade.publication.replaces).toBe('p0');
  });
});

describe('revocationVerdict', () => {
  const decision = { id: 'd1', decidedOn: '2026-12-01', publicationId: 'p1' } as Decision;
  const served = record({ status: 'served', decision });
  const refusalOf = (verdict: ReturnType<typeof revocationVerdict>) => {
    if (verdict.allowed) throw new Error('expected a refusal');
    return verdict.error as DomainError & { code: string; details: { path: string; message: string }[] };
  };

  it.each([
    ['no decision', record({ status: 'investigating' }), '2026-12-02', 'NO_DECISION', 'id'],
    ['a decision revoked before', record({ status: 'revoked', decision }), '2026-12-02', 'CONFLICT', 'id'],
    [
      'a revocation recorded on the decision',
      record({ status: 'served', decision: { ...decision, revokedAt: '2026-12-02T00:00:00.000Z' } }),
      '2026-12-02',
      'CONFLICT',
      'id',
    ],
    [
      'a decision not in force',
      record({ status: 'pending-decision', decision }),
      '2026-12-02',
      'INVALID_TRANSITION',
      'id',
    ],
    ['a revocation that takes effect tomorrow', served, '2026-12-08', 'VALIDATION_FAILED', 'effectiveOn'],
    ['a revocation before the decision', served, '2026-11-30', 'VALIDATION_FAILED', 'effectiveOn'],
  ])('[PUB-11] refuses %s, at the field, in words', (_case, theRecord, effectiveOn, code, path) => {
    const error = refusalOf(revocationVerdict({ record: theRecord, effectiveOn, today: '2026-12-07' }));
    expect(error.code).toBe(code);
    expect(error.details[0]?.path).toBe(path);
    // Never a status code or an ISO date on the screen.
    expect(JSON.stringify(error.details)).not.toMatch(
      /served|revoked|pending-decision|investigating|\d{4}-\d{2}-\d{2}/,
    );
  });

  it.each([
    ['on the day of the decision', '2026-12-01'],
    ['today', '2026-12-07'],
  ])('[PUB-11] allows a revocation that took effect %s', (_when, effectiveOn) => {
    expect(revocationVerdict({ record: served, effectiveOn, today: '2026-12-07' })).toEqual({
      allowed: true,
      decision,
    });
  });
});
