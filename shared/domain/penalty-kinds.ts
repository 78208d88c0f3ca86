import { labelledEnum } from '#shared/domain/labelled-enum.ts';

/** The kinds of administrative penalty (行政处罚法 art. 9), with their Chinese names. */
export const PENALTY_KINDS = [
  'warning',
  'fine',
  'confiscation',
  'suspension',
  'licence-revocation',
  'licence-downgrade',
  'closure',
  'practice-restriction',
  'detention',
  'no-penalty',
  'other',
] as const;
export const penaltyLabels: Record<(typeof PENALTY_KINDS)[number], string> = {
  warning: '警告',
  fine: '罚款',
  confiscation: '没收',
  suspension: '责令停产停业',
  'licence-revocation': '吊销许可证件',
  'licence-downgrade': '降低资质等级',
  closure: '责令关闭',
  'practice-restriction': '限制从业',
  detention: '行政拘留',
  'no-penalty': '不予处罚',
  other: '其他',
};

/** Penalty kinds that carry an amount (罚款数额, 没收财物价值). */
export const WITH_AMOUNT: readonly string[] = ['fine', 'confiscation'];
export const PenaltyKind = labelledEnum(PENALTY_KINDS, penaltyLabels, {
  'license-revocation': 'licence-revocation',
  'license-downgrade': 'licence-downgrade',
  revocation: 'licence-revocation',
  'suspension-of-business': 'suspension',
  confiscate: 'confiscation',
});
