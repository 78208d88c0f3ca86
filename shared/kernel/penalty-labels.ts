/**
 * The kinds of administrative penalty (行政处罚法 art. 9), with their Chinese names. Without zod,
 * so the console's record form and the printed document read the same labels.
 */
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
