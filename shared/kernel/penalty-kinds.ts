import { labelledEnum } from '#shared/kernel/labelled-enum.ts';
import { PENALTY_KINDS, penaltyLabels } from '#shared/kernel/penalty-labels.ts';

export { PENALTY_KINDS, penaltyLabels } from '#shared/kernel/penalty-labels.ts';

/** Penalty kinds that carry an amount (罚款数额, 没收财物价值). */
export const WITH_AMOUNT: readonly string[] = ['fine', 'confiscation'];
export const PenaltyKind = labelledEnum(PENALTY_KINDS, penaltyLabels, {
  'license-revocation': 'licence-revocation',
  'license-downgrade': 'licence-downgrade',
  revocation: 'licence-revocation',
  'suspension-of-business': 'suspension',
  confiscate: 'confiscation',
});
