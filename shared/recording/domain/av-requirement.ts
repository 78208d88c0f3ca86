import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { type ActivityType, activityLabels } from '#shared/kernel/activity.ts';
import { RuleViolation } from '#shared/kernel/errors.ts';
import type { EnforcementCategory } from '#shared/organisation/domain/officer.ts';

export type AvRequirement = 'none' | 'av' | 'full-process-av';

/** What people read for a requirement. */
export const avRequirementLabels: Record<AvRequirement, string> = {
  none: '无须音像记录',
  av: '音像记录',
  'full-process-av': '全过程音像记录',
};

const strength: Record<AvRequirement, number> = { none: 0, av: 1, 'full-process-av': 2 };
const stronger = (a: AvRequirement, b: AvRequirement) => (strength[a] >= strength[b] ? a : b);

/**
 * The statutory minimum that no list lowers (REC-4, REC-11): the plan's six stages need AV, and
 * 国办发〔2018〕118号 asks full-process AV of seizure and forced execution (查封扣押、强制执行、强制拆除),
 * which directly concern a person's property and rights.
 */
export const STATUTORY_AV: Readonly<Partial<Record<ActivityType, AvRequirement>>> = {
  'on-site-inspection': 'av',
  'random-inspection': 'av',
  'evidence-collection': 'av',
  'evidence-preservation': 'av',
  hearing: 'av',
  service: 'av',
  seizure: 'full-process-av',
  'forced-execution': 'full-process-av',
};

/** On-site activities: in a case of major property interests each needs full-process AV (REC-4). */
export const ON_SITE_ACTIVITIES = Object.keys(STATUTORY_AV) as ActivityType[];

/**
 * What AV an activity needs (REC-4, REC-5, REC-11): the statutory minimum, raised by the agency's
 * av-matters list in force (which adds, never removes), and full-process AV for every on-site
 * activity of a case with major property interests.
 */
export function avRequirement(
  list: readonly ChecklistItem<'av-matters'>[] | undefined,
  category: EnforcementCategory,
  activity: ActivityType,
  majorProperty: boolean,
): AvRequirement {
  const statutory: AvRequirement = STATUTORY_AV[activity] ?? 'none';
  const listed: AvRequirement =
    list?.find((item) => item.category === category && item.activityType === activity)?.requirement ?? 'none';
  const property: AvRequirement =
    majorProperty && ON_SITE_ACTIVITIES.includes(activity) ? 'full-process-av' : 'none';
  return [statutory, listed, property].reduce(stronger);
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

export interface AvGap {
  activityId: string;
  activityType: ActivityType;
  requirement: AvRequirement;
  /**
   * `open`: still open and its AV not archived yet; `open-av-archived`: its AV is archived, and
   * only completing the activity is left; `no-evidence`: completed without the AV it needs.
   */
  reason: 'open' | 'open-av-archived' | 'no-evidence';
}

/**
 * The activities that keep a case from moving past investigation (REC-11): one that needs AV and
 * is still open, or that was completed without the archived AV it needs (e.g. before the agency's
 * list raised its requirement).
 */
export function avGaps(
  activities: readonly { id: string; type: ActivityType; status: string }[],
  evidence: readonly (EvidenceCoverage & { activityId: string })[],
  requirementOf: (type: ActivityType) => AvRequirement,
): AvGap[] {
  return activities.flatMap((activity): AvGap[] => {
    const requirement = requirementOf(activity.type);
    if (requirement === 'none') return [];
    const gap = { activityId: activity.id, activityType: activity.type, requirement };
    const own = evidence.filter((item) => item.activityId === activity.id);
    const recorded = avSatisfied(requirement, own);
    if (activity.status === 'open') return [{ ...gap, reason: recorded ? 'open-av-archived' : 'open' }];
    return recorded ? [] : [{ ...gap, reason: 'no-evidence' }];
  });
}

const AV_GAP_WORDS: Record<AvGap['reason'], string> = {
  open: '活动尚未完成',
  'open-av-archived': '音像记录已归档，活动尚未完成',
  'no-evidence': '缺少已归档的音像记录',
};

/** REC-11: what keeps a case from moving on while AV is missing, or nothing. */
export function avViolation(gaps: readonly AvGap[]): RuleViolation | undefined {
  if (gaps.length === 0) return undefined;
  return new RuleViolation(
    'AV_REQUIRED',
    '本案有须音像记录的执法活动尚未完成或缺少已归档的音像记录，案件不能进入下一阶段',
    gaps.map((gap) => ({
      path: `activities.${gap.activityId}`,
      message: `${activityLabels[gap.activityType]}：${
        AV_GAP_WORDS[gap.reason]
      }（要求：${avRequirementLabels[gap.requirement]}）`,
    })),
    { activities: gaps },
  );
}
