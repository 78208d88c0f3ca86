import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { ACTIVITY_TYPES, type ActivityType, activityLabels } from '#shared/kernel/activity.ts';
import type { EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import { type AvRequirement, avRequirement } from '#shared/recording/domain/av-requirement.ts';
import { type DocumentType, documentLabel } from '#shared/recording/domain/documents.ts';

/**
 * REC-1: for each stage of a case of a category, what is recorded, how and on which carrier:
 * the standard document (text, numbered, hashed) and the AV requirement (from the av-matters list
 * in force, or the plan's list), all kept in the case journal and the electronic case file.
 */
export interface StageRule {
  stage: string;
  stageName: string;
  documents: { type: DocumentType; name: string }[];
  av: AvRequirement;
  carriers: string[];
}

const activityDocuments: Partial<Record<ActivityType, DocumentType[]>> = {
  'on-site-inspection': ['on-site-inspection-record'],
  'random-inspection': ['on-site-inspection-record'],
  'evidence-collection': ['interview-record'],
  'evidence-preservation': ['evidence-preservation-notice'],
  hearing: ['hearing-notice'],
  service: ['service-receipt'],
  interview: ['interview-record'],
};

const caseStages = (
  category: EnforcementCategory,
): { stage: string; stageName: string; documents: DocumentType[] }[] => [
  { stage: 'registration', stageName: '立案', documents: ['case-registration'] },
  ...(category === 'penalty'
    ? [
        { stage: 'prior-notice', stageName: '事先告知', documents: ['penalty-prior-notice' as const] },
        { stage: 'decision', stageName: '作出决定', documents: ['penalty-decision' as const] },
      ]
    : [{ stage: 'decision', stageName: '作出决定', documents: [] }]),
  { stage: 'closing', stageName: '结案', documents: ['closing-report'] },
];

export function recordingRules(
  category: EnforcementCategory,
  avList: readonly ChecklistItem<'av-matters'>[] | undefined,
  majorProperty = false,
): StageRule[] {
  const carriers = (documents: readonly DocumentType[], av: AvRequirement) => [
    ...(documents.length > 0 ? ['文字记录（电子文书，SHA-256）'] : []),
    ...(av !== 'none'
      ? [av === 'full-process-av' ? '全过程音像记录（不可篡改存档）' : '音像记录（不可篡改存档）']
      : []),
    '全过程记录日志',
  ];
  const named = (documents: readonly DocumentType[]) =>
    documents.map((type) => ({ type, name: documentLabel(type) }));
  return [
    ...caseStages(category).map((stage) => ({
      stage: stage.stage,
      stageName: stage.stageName,
      documents: named(stage.documents),
      av: 'none' as const,
      carriers: carriers(stage.documents, 'none'),
    })),
    ...ACTIVITY_TYPES.map((activity) => {
      const documents = activityDocuments[activity] ?? [];
      const av = avRequirement(avList, category, activity, majorProperty);
      return {
        stage: activity,
        stageName: activityLabels[activity],
        documents: named(documents),
        av,
        carriers: carriers(documents, av),
      };
    }),
  ];
}
