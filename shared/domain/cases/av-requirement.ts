import type { ActivityType } from '#shared/domain/activity.ts';
import type { ChecklistItem } from '#shared/domain/checklists/kinds.ts';
import type { EnforcementCategory } from '#shared/domain/officer.ts';

export type AvRequirement = 'none' | 'av' | 'full-process-av';

/** The plan's own list (REC-4), which applies until an agency publishes its av-matters list. */
export const PLAN_AV_ACTIVITIES: readonly ActivityType[] = [
  'on-site-inspection',
  'random-inspection',
  'evidence-collection',
  'evidence-preservation',
  'hearing',
  'service',
];

/**
 * What AV an activity needs (REC-4, REC-5): the agency's av-matters list in force decides, or
 * the plan's list when there is none; a case with major property interests needs full-process AV
 * for every on-site activity.
 */
export function avRequirement(
  list: readonly ChecklistItem<'av-matters'>[] | undefined,
  category: EnforcementCategory,
  activity: ActivityType,
  majorProperty: boolean,
): AvRequirement {
  if (majorProperty && PLAN_AV_ACTIVITIES.includes(activity)) return 'full-process-av';
  if (!list) return PLAN_AV_ACTIVITIES.includes(activity) ? 'av' : 'none';
  return (
    list.find((item) => item.category === category && item.activityType === activity)?.requirement ?? 'none'
  );
}

export interface EvidenceCoverage {
  status: string;
  fullProcess?: boolean;
}

export function avSatisfied(requirement: AvRequirement, evidence: readonly EvidenceCoverage[]): boolean {
  const archived = evidence.filter((item) => item.status === 'archived');
  if (requirement === 'none') return true;
  if (requirement === 'av') return archived.length > 0;
  return archived.some((item) => item.fullProcess === true);
}
