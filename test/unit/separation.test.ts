import { describe, expect, it } from 'vitest';
import { exclusionReason } from '#shared/legal-review/domain/separation.ts';
import { proposalDifferences } from '#shared/recording/domain/proposal.ts';

const record = {
  createdBy: 'registrar',
  handlers: ['registrar', 'officer-a', 'officer-b'],
  authors: ['clerk'],
};
const review = {
  rounds: [{ submittedBy: 'submitter', opinion: { reviewer: 'reviewer' } }],
  dispute: { by: 'disputer' },
};

describe('separation of duties', () => {
  it.each([
    { person: 'registrar', act: 'opinion' as const, excluded: true },
    { person: 'officer-a', act: 'opinion' as const, excluded: true },
    { person: 'clerk', act: 'opinion' as const, excluded: true },
    { person: 'submitter', act: 'opinion' as const, excluded: true },
    { person: 'disputer', act: 'ruling' as const, excluded: true },
    { person: 'reviewer', act: 'ruling' as const, excluded: true },
    { person: 'reviewer', act: 'opinion' as const, excluded: false },
    { person: 'leader', act: 'ruling' as const, excluded: false },
  ])('[LAW-12] [REV-1] $person may not give the $act: $excluded', ({ person, act, excluded }) => {
    const reason = exclusionReason(person, act, record, review);
    expect(reason !== undefined).toBe(excluded);
    if (reason) expect(reason).toMatch(/不能/);
  });

  it('[LAW-12] a decision differs from its approved proposal in type, kind, amount or basis, not in wording', () => {
    const approved = {
      type: 'penalty',
      summary: '罚款',
      legalBasis: '《养老机构管理办法》第四十六条',
      penalty: { kind: 'fine' as const, amount: 20_000 },
    };
    expect(proposalDifferences(approved, { ...approved, summary: '处以罚款二万元' })).toEqual([]);
    expect(
      proposalDifferences(approved, { ...approved, legalBasis: ' 《养老机构管理办法》第四十六条 ' }),
    ).toEqual([]);
    expect(
      proposalDifferences(approved, { ...approved, penalty: { kind: 'fine', amount: 30_000 } }).map(
        (d) => d.path,
      ),
    ).toEqual(['penalty.amount']);
    expect(
      proposalDifferences(approved, { ...approved, type: 'other', penalty: { kind: 'suspension' } }).map(
        (d) => d.path,
      ),
    ).toEqual(['type', 'penalty.kind', 'penalty.amount']);
    expect(
      proposalDifferences(approved, { ...approved, legalBasis: '第四十七条' }).map((d) => d.path),
    ).toEqual(['legalBasis']);
  });
});
