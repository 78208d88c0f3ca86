/**
 * The names of supervision matters' sources, documents and states as people read them (SUP-2,
 * SUP-3), zod-free so the console reads them as they are, not a copy.
 */

/** Where a supervision matter comes from (SUP-2). */
export const MATTER_SOURCES = [
  'complaint',
  'hotline',
  'evaluation',
  'alert',
  'statistics',
  'own-finding',
] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];
export const matterSourceLabels: Record<MatterSource, string> = {
  complaint: '投诉举报',
  hotline: '12345热线转办',
  evaluation: '案卷评查',
  alert: '监督预警',
  statistics: '统计分析',
  'own-finding': '监督机关自行发现',
};

/** A supervision document (SUP-3): 行政执法监督意见书 or 行政执法监督建议书. */
export const OPINION_KINDS = ['opinion', 'recommendation'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
export const opinionKindLabels: Record<OpinionKind, string> = {
  opinion: '行政执法监督意见书',
  recommendation: '行政执法监督建议书',
};

/** An opinion's state as both sides read it, `overdue` included. */
export const opinionStatusLabels: Record<string, string> = {
  issued: '待整改',
  reported: '整改报告待验收',
  returned: '已退回，待重新整改',
  accepted: '整改已通过验收',
  overdue: '逾期未整改',
};

export const matterStatusLabels: Record<string, string> = { open: '办理中', closed: '已办结' };

/** How a decision found unlawful is referred to its agency (SUP-3): 责令纠正 or 建议撤销. */
export const REFERRAL_KINDS = ['correction', 'revocation'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export const referralKindLabels: Record<ReferralKind, string> = {
  correction: '责令纠正',
  revocation: '建议撤销',
};

/** A referral's state as both sides read it, `overdue` included. */
export const referralStatusLabels: Record<string, string> = {
  open: '待纠正',
  done: '已纠正（原决定已撤回）',
  overdue: '逾期未纠正',
};
