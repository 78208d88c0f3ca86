import { ulid } from 'ulid';
import type { ChecklistItem } from '#shared/checklists/domain/checklist-kinds.ts';
import { currentEdition } from '#shared/checklists/use-cases/checklists.ts';
import { beijingTimeText, legalDateOf } from '#shared/kernel/dates.ts';
import { NotFound, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import {
  type AvGap,
  type AvRequirement,
  avGaps,
  avRequirement,
  avRequirementLabels,
  avSatisfied,
  avViolation,
} from '#shared/recording/domain/av-requirement.ts';
import type { Activity, ActivityInput, CaseRecord, Informing } from '#shared/recording/domain/case.ts';
import type { CasePorts } from '#shared/recording/use-cases/case-access.ts';
import {
  authoredBy,
  changeCase,
  commitCaseChange,
  qualifiedOfficers,
} from '#shared/recording/use-cases/case-commit.ts';

/**
 * LAW-2: an activity did not take place in the future, nor before the case was registered; a date
 * that bends either way is refused, whatever the certificates say.
 */
function assertActivityDate(record: CaseRecord, startedAt: Date, now: Date): void {
  if (startedAt.getTime() > now.getTime() + 60_000) {
    throw new ValidationFailed(
      [{ path: 'startedAt', message: '执法活动开始时间不能晚于当前时间' }],
      '执法活动时间有误',
    );
  }
  if (startedAt.getTime() < startOfMinute(record.createdAt)) {
    throw new ValidationFailed(
      [
        {
          path: 'startedAt',
          message: `执法活动开始时间不能早于立案时间（北京时间 ${beijingTimeText(record.createdAt)}）`,
        },
      ],
      '执法活动时间有误',
    );
  }
}

/** The activity a case opens with: begun now, by the case's officers, with the AV its lists ask (REC-4). */
export async function openingActivity(
  ports: CasePorts,
  principal: Principal,
  record: CaseRecord,
  input: Pick<ActivityInput, 'type' | 'location'>,
): Promise<Activity> {
  const activity: Activity = {
    ...input,
    officers: record.officers,
    id: ulid(),
    caseId: record.id,
    agencyId: record.agencyId,
    status: 'open',
    startedAt: record.createdAt,
    createdBy: principal.sub,
    recordedAt: record.createdAt,
  };
  return { ...activity, avRequirement: await activityAvRequirement(ports, record, activity) };
}

/** The activities of an inspection on the enterprise's premises (INS-4). */
const ON_SITE_INSPECTIONS: readonly ActivityInput['type'][] = ['on-site-inspection', 'random-inspection'];

/** An inspection of an enterprise (an organisation): on site only after its code is scanned (INS-4). */
const isEnterpriseInspection = (record: CaseRecord) =>
  record.category === 'inspection' && record.party.kind === 'organization';

export async function addActivity(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
  input: ActivityInput,
): Promise<Activity> {
  return changeCase(ports, principal, caseId, async (record) => {
    if (['closed', 'archived'].includes(record.status)) {
      throw new RuleViolation('CASE_CLOSED', '案件已结案，不能再登记执法活动');
    }
    if (ON_SITE_INSPECTIONS.includes(input.type) && isEnterpriseInspection(record) && !record.inspectionId) {
      throw new RuleViolation(
        'NOT_SCANNED_IN',
        '对企业的现场检查须先由检查人员扫描企业监管码登记入企，再记录现场检查',
        [{ path: 'type', message: '请从检查任务扫码入企' }],
      );
    }
    const now = ports.now();
    const startedAt = input.startedAt ? new Date(input.startedAt) : now;
    assertActivityDate(record, startedAt, now);
    const users = await qualifiedOfficers(ports, principal.agencyId, input.officers, {
      dates: [legalDateOf(startedAt), legalDateOf(now)],
      category: record.category,
      region: record.region,
    });
    const activity: Activity = {
      ...input,
      id: ulid(),
      caseId,
      agencyId: principal.agencyId,
      status: 'open',
      startedAt: startedAt.toISOString(),
      createdBy: principal.sub,
      recordedAt: now.toISOString(),
    };
    activity.avRequirement = await activityAvRequirement(ports, record, activity);
    await commitCaseChange(
      ports,
      record,
      principal,
      'activity.started',
      {
        activityId: activity.id,
        activityType: activity.type,
        officers: activity.officers,
        startedAt: activity.startedAt,
        ...(activity.informing ? { informing: activity.informing } : {}),
      },
      {
        handlers: [...new Set([...record.handlers, ...users])],
        ...authoredBy(record, principal),
      },
      [ports.cases.putActivity(activity)],
    );
    return activity;
  });
}

export async function avListInForce(ports: CasePorts, agencyId: string) {
  const list = await currentEdition(ports, agencyId, 'av-matters');
  return list?.items as ChecklistItem<'av-matters'>[] | undefined;
}

/** The case's activities that need AV and are open or lack it (REC-4, REC-11). */
export async function caseAvGaps(ports: CasePorts, record: CaseRecord): Promise<AvGap[]> {
  const [list, activities, evidence] = await Promise.all([
    avListInForce(ports, record.agencyId),
    ports.cases.activities(record.agencyId, record.id),
    ports.evidence.forCase(record.agencyId, record.id),
  ]);
  return avGaps(activities, evidence, (type) =>
    avRequirement(list, record.category, type, record.flags.majorProperty === true),
  );
}

/**
 * REC-11: a case does not move past investigation, nor is it decided, served, executed or closed,
 * while an activity that needs AV is open or has no archived AV.
 */
export async function assertAvComplete(ports: CasePorts, record: CaseRecord): Promise<void> {
  const violation = avViolation(await caseAvGaps(ports, record));
  if (violation) throw violation;
}

export async function activityAvRequirement(
  ports: CasePorts,
  record: CaseRecord,
  activity: Activity,
): Promise<AvRequirement> {
  return avRequirement(
    await avListInForce(ports, record.agencyId),
    record.category,
    activity.type,
    record.flags.majorProperty === true,
  );
}

export async function completeActivity(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
  activityId: string,
  input: { informing?: Informing } = {},
): Promise<Activity> {
  return changeCase(ports, principal, caseId, async (record) => {
    const activity = (await ports.cases.activities(principal.agencyId, caseId)).find(
      (candidate) => candidate.id === activityId,
    );
    if (!activity) throw new NotFound('执法活动不存在', [{ path: 'activityId', message: activityId }]);
    if (activity.status === 'completed') return activity;
    const requirement = await activityAvRequirement(ports, record, activity);
    const evidence = (await ports.evidence.forCase(principal.agencyId, caseId)).filter(
      (item) => item.activityId === activityId,
    );
    if (!avSatisfied(requirement, evidence)) {
      throw new RuleViolation(
        'AV_REQUIRED',
        requirement === 'full-process-av'
          ? '该执法环节须全过程音像记录，尚无已归档的全过程音像证据'
          : '该执法环节须音像记录，尚无已归档的音像证据',
        [{ path: 'activityId', message: `要求：${avRequirementLabels[requirement]}` }],
      );
    }
    const informing = input.informing ?? activity.informing;
    const completed: Activity = {
      ...activity,
      ...(informing ? { informing } : {}),
      status: 'completed',
      completedAt: ports.now().toISOString(),
    };
    await commitCaseChange(
      ports,
      record,
      principal,
      'activity.completed',
      {
        activityId,
        avRequirement: requirement,
        evidence: evidence.filter((item) => item.status === 'archived').map((item) => item.id),
        ...(informing ? { informing } : {}),
      },
      // A hearing is held once its activity is completed with its AV (LAW-3, LAW-10).
      { ...authoredBy(record, principal), ...(activity.type === 'hearing' ? { hearingHeld: true } : {}) },
      [ports.cases.putActivity(completed, activity)],
    );
    return completed;
  });
}

/**
 * The minute an instant falls in. People write the times of a procedure to the minute (the console's
 * fields and the messages here do too), so a time in the same minute as the case's registration or
 * the served document's making is not before it.
 */
export function startOfMinute(instant: string): number {
  return Math.floor(Date.parse(instant) / 60_000) * 60_000;
}
