import { labelledEnum } from '#shared/kernel/labelled-enum.ts';

/** Activity types of a case (docs/api.md). */
export const ACTIVITY_TYPES = [
  'on-site-inspection',
  'random-inspection',
  'evidence-collection',
  'evidence-preservation',
  'seizure',
  'forced-execution',
  'hearing',
  'service',
  'interview',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const activityLabels: Record<ActivityType, string> = {
  'on-site-inspection': '现场检查',
  'random-inspection': '随机抽查',
  'evidence-collection': '调查取证',
  'evidence-preservation': '证据保全',
  seizure: '查封扣押',
  'forced-execution': '强制执行',
  hearing: '听证',
  service: '送达',
  interview: '询问',
  other: '其他',
};

/** An activity type, by code or by its Chinese name (现场检查). */
export const ActivityType = labelledEnum(ACTIVITY_TYPES, activityLabels, {
  查封: 'seizure',
  扣押: 'seizure',
  'forced-demolition': 'forced-execution',
  强制拆除: 'forced-execution',
});
