import { type DayCounts, dayOf, flag } from '#shared/kernel/statistics.ts';
import {
  type AvRequirement,
  ON_SITE_ACTIVITIES,
  STATUTORY_AV,
} from '#shared/recording/domain/av-requirement.ts';
import type { Activity, CaseRecord } from '#shared/recording/domain/case.ts';
import type { Evidence } from '#shared/recording/domain/evidence.ts';

/** What a case, its activities and its evidence add to the counters (`shared/kernel/statistics.ts`). */
export function caseCounts(record: CaseRecord): DayCounts[] {
  const decisions = [...(record.previousDecisions ?? []), ...(record.decision ? [record.decision] : [])];
  return [
    {
      day: dayOf(record.createdAt),
      counts: {
        'cases.registered': 1,
        [`cases.byCategory.${record.category}`]: 1,
        [`cases.byStatus.${record.status}`]: 1,
      },
    },
    ...decisions.map((decision) => ({
      day: decision.decidedOn,
      counts: { [`decisions.byCategory.${record.category}`]: 1 },
    })),
  ];
}

/**
 * What AV an activity needed when it was recorded; an activity recorded before the requirement
 * was kept on it needs the statutory minimum.
 */
export const neededAv = (activity: Pick<Activity, 'type' | 'avRequirement'>): AvRequirement =>
  activity.avRequirement ?? STATUTORY_AV[activity.type] ?? 'none';

export function activityCounts(activity: Activity): DayCounts[] {
  const needsAv = neededAv(activity) !== 'none';
  return [
    {
      day: dayOf(activity.startedAt),
      counts: {
        'av.activitiesNeedingAv': flag(needsAv),
        'av.covered': flag(needsAv && activity.avArchived === true),
        'av.informingNotRecorded': flag(
          ON_SITE_ACTIVITIES.includes(activity.type) && activity.informing === undefined,
        ),
      },
    },
  ];
}

export function evidenceCounts(evidence: Evidence): DayCounts[] {
  return [
    {
      day: dayOf(evidence.createdAt),
      counts: { 'av.unregisteredDeviceEvidence': flag(evidence.unregisteredDevice === true) },
    },
  ];
}
