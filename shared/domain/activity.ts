import { z } from 'zod';

/** Activity types of a case (docs/api.md). */
export const ACTIVITY_TYPES = [
  'on-site-inspection',
  'random-inspection',
  'evidence-collection',
  'evidence-preservation',
  'hearing',
  'service',
  'interview',
  'other',
] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

export const activityLabels: Record<ActivityType, string> = {
  'on-site-inspection': '现场检查',
  'random-inspection': '随机抽查',
  'evidence-collection': '调查取证',
  'evidence-preservation': '证据保全',
  hearing: '听证',
  service: '送达',
  interview: '询问',
  other: '其他',
};
