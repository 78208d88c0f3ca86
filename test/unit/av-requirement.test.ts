import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { ACTIVITY_TYPES } from '#shared/kernel/activity.ts';
import { avGaps, avRequirement, STATUTORY_AV } from '#shared/recording/domain/av-requirement.ts';

/** An agency's list that tries to lower the minimum: on-site inspection is left out, interview added. */
const list: ChecklistItem<'av-matters'>[] = [
  { code: 'AV-1', category: 'penalty', activityType: 'interview', requirement: 'av' },
  { code: 'AV-2', category: 'penalty', activityType: 'service', requirement: 'full-process-av' },
];

describe('the statutory AV minimum', () => {
  it('[REC-11] [REC-4] an agency list adds to the minimum and never removes from it', () => {
    for (const activity of ACTIVITY_TYPES) {
      const statutory = STATUTORY_AV[activity] ?? 'none';
      const withList = avRequirement(list, 'penalty', activity, false);
      const rank = { none: 0, av: 1, 'full-process-av': 2 };
      expect(rank[withList], activity).toBeGreaterThanOrEqual(rank[statutory]);
    }
    expect(avRequirement(list, 'penalty', 'on-site-inspection', false)).toBe('av');
    expect(avRequirement(list, 'penalty', 'interview', false)).toBe('av');
    expect(avRequirement(list, 'penalty', 'service', false)).toBe('full-process-av');
    expect(avRequirement([], 'penalty', 'interview', false)).toBe('none');
  });

  it('[REC-11] seizure and forced execution need full-process AV (国办发〔2018〕118号)', () => {
    expect(avRequirement(undefined, 'coercion', 'seizure', false)).toBe('full-process-av');
    expect(avRequirement([], 'coercion', 'forced-execution', false)).toBe('full-process-av');
  });

  it('[REC-4] a case of major property interests needs full-process AV on every on-site activity', () => {
    expect(avRequirement(list, 'penalty', 'on-site-inspection', true)).toBe('full-process-av');
    expect(avRequirement(list, 'penalty', 'evidence-collection', true)).toBe('full-process-av');
    expect(avRequirement(list, 'penalty', 'other', true)).toBe('none');
  });

  it('[REC-11] an open activity that needs AV, or a completed one without it, is a gap; one whose AV is archived is only left to complete', () => {
    const requirement = (type: (typeof ACTIVITY_TYPES)[number]) =>
      avRequirement(undefined, 'penalty', type, false);
    const gaps = avGaps(
      [
        { id: 'open', type: 'on-site-inspection', status: 'open' },
        { id: 'done-without', type: 'service', status: 'completed' },
        { id: 'done-with', type: 'hearing', status: 'completed' },
        { id: 'interview', type: 'interview', status: 'open' },
        { id: 'open-recorded', type: 'on-site-inspection', status: 'open' },
      ],
      [
        { activityId: 'open-recorded', status: 'archived' },
        { activityId: 'done-with', status: 'archived' },
        { activityId: 'done-without', status: 'pending-upload' },
      ],
      requirement,
    );
    expect(gaps.map((gap) => [gap.activityId, gap.reason])).toEqual([
      ['open', 'open'],
      ['done-without', 'no-evidence'],
      ['open-recorded', 'open-av-archived'],
    ]);
  });
});
