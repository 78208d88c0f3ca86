import * as z from 'zod';
import { PenaltyKind } from '#shared/kernel/penalty-kinds.ts';
import { Words } from '#shared/kernel/text.ts';

/** The decision a handler proposes: what the catalog is evaluated against and the review approves. */
export const Proposal = z.strictObject({
  type: z.string().trim().min(1).max(100),
  summary: Words(5000),
  legalBasis: Words(5000),
  penalty: z
    .strictObject({ kind: PenaltyKind, amount: z.number().nonnegative().max(1e12).optional() })
    .optional(),
  /** The proposed decision goes outside the discretion benchmark (超出裁量基准). */
  outsideDiscretionBenchmark: z.boolean().optional(),
});
export type Proposal = z.infer<typeof Proposal>;

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What a review approves (LAW-12): the decision's type, penalty kind and amount, legal basis and
 * whether it leaves the discretion benchmark. The summary's wording may still change.
 */
export function proposalBinding(proposal: Proposal) {
  return {
    type: normalised(proposal.type),
    legalBasis: normalised(proposal.legalBasis),
    penaltyKind: proposal.penalty?.kind ?? null,
    amount: proposal.penalty?.amount ?? null,
    outsideDiscretionBenchmark: proposal.outsideDiscretionBenchmark === true,
  };
}

const bindingLabels: Record<keyof ReturnType<typeof proposalBinding>, [path: string, label: string]> = {
  type: ['type', '决定类型'],
  legalBasis: ['legalBasis', '法律依据'],
  penaltyKind: ['penalty.kind', '处罚种类'],
  amount: ['penalty.amount', '金额'],
  outsideDiscretionBenchmark: ['outsideDiscretionBenchmark', '是否超出裁量基准'],
};

/** How a decision differs from the proposal a review approved, field by field, in Chinese. */
export function proposalDifferences(
  approved: Proposal,
  decided: Proposal,
): { path: string; message: string }[] {
  const a = proposalBinding(approved);
  const b = proposalBinding(decided);
  return (Object.keys(bindingLabels) as (keyof typeof a)[])
    .filter((key) => a[key] !== b[key])
    .map((key) => {
      const [path, label] = bindingLabels[key];
      return {
        path,
        message: `${label}与审核通过的方案不同（审核通过：${a[key] ?? '无'}；本决定：${b[key] ?? '无'}）`,
      };
    });
}
