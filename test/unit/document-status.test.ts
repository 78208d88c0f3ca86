import { describe, expect, it } from 'vitest';
import type { Decision } from '#shared/recording/domain/case.ts';
import { decisionDocumentStatus, documentStatus } from '#shared/recording/domain/document-status.ts';

const decision = (recordId: string, revocation?: Pick<Decision, 'revokedAt' | 'revocationKind'>) =>
  ({
    id: `decision-of-${recordId}`,
    document: { recordId, number: `昌民罚〔2026〕${recordId}号`, sha256: 'a'.repeat(64) },
    ...revocation,
  }) as Decision;
const at = '2026-12-07T02:00:00.000Z';

/**
 * Whether a printed document stands (PUB-16), as one pure function: only the decision document
 * of a decision revoked, changed or confirmed void or illegal stops standing; the other records
 * of the case (the notice, the receipts) stand as what they were.
 */
describe('documentStatus', () => {
  it.each([
    { name: 'an ordinary record of an undecided case', record: {}, recordId: 'r1', status: 'in-force' },
    {
      name: 'the decision document in force',
      record: { decision: decision('d1') },
      recordId: 'd1',
      status: 'in-force',
    },
    {
      name: 'a record beside a revoked decision',
      record: { decision: decision('d1', { revokedAt: at, revocationKind: 'revoked' }) },
      recordId: 'r1',
      status: 'in-force',
    },
    ...(
      [
        ['revoked', 'revoked'],
        ['remade', 'revoked'],
        ['changed', 'changed'],
        ['confirmed-void', 'void'],
        ['confirmed-illegal', 'void'],
      ] as const
    ).map(([kind, status]) => ({
      name: `the decision document of a decision ${kind}`,
      record: { decision: decision('d1', { revokedAt: at, revocationKind: kind }) },
      recordId: 'd1',
      status,
    })),
    {
      name: 'a decision revoked before kinds were kept',
      record: { decision: decision('d1', { revokedAt: at }) },
      recordId: 'd1',
      status: 'revoked',
    },
    {
      name: 'the first decision document, after the decision was changed and made again',
      record: {
        decision: decision('d2'),
        previousDecisions: [decision('d1', { revokedAt: at, revocationKind: 'changed' })],
      },
      recordId: 'd1',
      status: 'changed',
    },
    {
      name: 'the new decision document of a changed decision',
      record: {
        decision: decision('d2'),
        previousDecisions: [decision('d1', { revokedAt: at, revocationKind: 'changed' })],
      },
      recordId: 'd2',
      status: 'in-force',
    },
  ])('[PUB-16] $name: $status', ({ record, recordId, status }) => {
    expect(documentStatus(record, recordId)).toBe(status);
  });

  it('[PUB-16] the decision document’s status is answered from the case alone, and none without one', () => {
    expect(decisionDocumentStatus({})).toBeUndefined();
    expect(
      decisionDocumentStatus({ decision: decision('d1', { revokedAt: at, revocationKind: 'revoked' }) }),
    ).toBe('revoked');
  });
});
