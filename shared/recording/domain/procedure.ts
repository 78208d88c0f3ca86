import type { ActivityType } from '#shared/kernel/activity.ts';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { PenaltyKind, penaltyLabels, WITH_AMOUNT } from '#shared/kernel/penalty-kinds.ts';
import { DEFAULT_PROCEDURE_SETTINGS, type ProcedureSettings } from '#shared/kernel/procedure-settings.ts';
import type { EnforcementCategory } from '#shared/organisation/domain/officer.ts';
import type { Proposal } from '#shared/recording/domain/proposal.ts';

/**
 * The statutory procedure before a decision (LAW-10, LAW-11), as data: for each category and
 * procedure, the steps the law requires, each satisfied by something the case holds. A pure
 * function of the case's facts, so a decision, a case view and a test all read the same table.
 */
export const PROCEDURES = ['general', 'simple'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const procedureLabels: Record<Procedure, string> = { general: '普通程序', simple: '简易程序' };

export const PROCEDURE_STEPS = [
  'simple-procedure-limit',
  'investigation',
  'penalty-prior-notice',
  'statement',
  'hearing-period',
  'collective-discussion',
] as const;
export type ProcedureStep = (typeof PROCEDURE_STEPS)[number];

export const stepLabels: Record<ProcedureStep, string> = {
  'simple-procedure-limit': '简易程序适用范围（行政处罚法第五十一条）',
  investigation: '调查取证（行政处罚法第五十四条、第五十五条）',
  'penalty-prior-notice': '行政处罚事先告知并送达（行政处罚法第四十四条、第六十二条）',
  statement: '听取陈述、申辩（行政处罚法第四十五条）',
  'hearing-period': '听证权利告知后的申请期限（行政处罚法第六十三条、第六十四条）',
  'collective-discussion': '负责人集体讨论（行政处罚法第五十七条）',
};

/** 行政处罚法 art. 64: the party asks for a hearing within 5 days of the notice (art. 85: working days). */
export const HEARING_REQUEST_WORKING_DAYS = 5;

/** 行政处罚法 art. 51: the simple procedure's ceilings, in yuan. */
export const SIMPLE_PROCEDURE_FINE_LIMIT = { person: 200, organization: 3000 } as const;

/** One simple-procedure fine on a party: what the party's tally for its period holds. */
export interface SimpleFine {
  caseId: string;
  amount: number;
  decidedOn: string;
  /** The facts fined, as `simpleFineFacts` writes them: the same key is the same violation. */
  facts: string;
}

/** The period a date falls in, for the simple procedure's tally: `2026-01` for Jan-Dec at 12 months. */
export function simpleFinePeriod(date: string, settings: ProcedureSettings = {}): string {
  const months =
    settings.simpleProcedurePeriodMonths ?? DEFAULT_PROCEDURE_SETTINGS.simpleProcedurePeriodMonths;
  const month = Number(date.slice(5, 7));
  const first = month - ((month - 1) % months);
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-${months}`;
}

/**
 * The facts a fine is for, as a key: the matter cited and the legal basis, normalised (width,
 * spaces and punctuation do not make another violation).
 */
export function simpleFineFacts(matterId: string | undefined, legalBasis: string): string {
  const basis = legalBasis.normalize('NFKC').replace(/[\s\p{P}\p{S}\p{Cf}]/gu, '');
  return `${matterId ?? ''}|${basis}`;
}

/**
 * Activities that gather evidence: any of them, completed or not, is an investigation (REC-4); one
 * that needs AV keeps the case from moving on until its AV is archived (REC-11). A record alone
 * (询问笔录, 现场检查笔录) is not: it is written about an activity, which is where the AV is.
 */
const INVESTIGATIVE_ACTIVITIES: readonly ActivityType[] = [
  'on-site-inspection',
  'random-inspection',
  'evidence-collection',
  'evidence-preservation',
  'interview',
  'seizure',
];
/** The case flags the procedure reads (a structural view of the case's flags). */
export interface ProcedureFlags {
  complex?: boolean | undefined;
  majorPublicInterest?: boolean | undefined;
  majorSocialImpact?: boolean | undefined;
  majorRights?: boolean | undefined;
}

export interface ProcedureFacts {
  category: EnforcementCategory;
  procedure: Procedure;
  partyKind: 'person' | 'organization';
  flags: ProcedureFlags;
  hearingHeld: boolean;
  documents: readonly { type: string; number: string; fields: Record<string, unknown>; createdAt: string }[];
  activities: readonly { type: string }[];
  archivedEvidence: number;
  /** The simple procedure's fines on the party earlier in this period, in other cases (art. 51). */
  simpleFines?: readonly SimpleFine[] | undefined;
  /** The matter the case cites: with the legal basis, what makes two fines one violation. */
  matterId?: string | undefined;
  /**
   * When the last decision of the case was revoked: a decision made again is notified, served and
   * (where needed) discussed again, so notices and minutes from before this instant do not count.
   */
  since?: string | undefined;
}

/** What the check needs from outside: today and the end of a period counted in working days. */
export interface ProcedureClock {
  today: string;
  /** `workingDays` working days after `from`, or null when a year it reaches has no confirmed calendar. */
  periodEnd: (from: string, workingDays: number) => string | null;
}

export type StepStatus = 'done' | 'missing' | 'waiting';

export interface StepState {
  step: ProcedureStep;
  label: string;
  status: StepStatus;
  /** What satisfied the step, or what is still needed, in Chinese. */
  detail: string;
}

/** Does this penalty entitle the party to a hearing (art. 63)? */
export function hearingEntitled(
  partyKind: 'person' | 'organization',
  penalty: Proposal['penalty'],
  settings: ProcedureSettings = {},
): boolean {
  if (!penalty) return false;
  const threshold =
    partyKind === 'person'
      ? (settings.hearingAmountPerson ?? DEFAULT_PROCEDURE_SETTINGS.hearingAmountPerson)
      : (settings.hearingAmountOrganization ?? DEFAULT_PROCEDURE_SETTINGS.hearingAmountOrganization);
  switch (penalty.kind) {
    case 'fine':
    case 'confiscation':
      // An amount not stated cannot be shown to be below the threshold.
      return penalty.amount === undefined || penalty.amount >= threshold;
    case 'warning':
    case 'detention':
    case 'no-penalty':
      return false;
    default:
      // Suspension, closure, practice restriction, licence revocation or downgrade, and any
      // other (其他较重的行政处罚) cannot be shown to be light.
      return true;
  }
}

/**
 * A proposed decision says what it decides (LAW-10): a penalty case's decision names its penalty
 * (不予处罚 included), a fine or confiscation its amount, and no other case decides a penalty.
 * Returns one detail per field that is wrong.
 */
export function proposalShapeErrors(
  category: EnforcementCategory,
  proposal: Proposal,
): { path: string; message: string }[] {
  const penalty = proposal.penalty;
  if (category !== 'penalty')
    return penalty ? [{ path: 'penalty', message: '非行政处罚案件的决定不能包含行政处罚内容' }] : [];
  if (!penalty)
    return [{ path: 'penalty', message: '行政处罚决定须写明处罚种类和金额；不予处罚的写明“不予处罚”' }];
  if (WITH_AMOUNT.includes(penalty.kind) && penalty.amount === undefined)
    return [{ path: 'penalty.amount', message: '罚款或没收须写明金额（元）' }];
  if (!WITH_AMOUNT.includes(penalty.kind) && penalty.amount !== undefined)
    return [{ path: 'penalty.amount', message: '该处罚种类不含金额' }];
  return [];
}

/** Is this a case art. 57 gives to the agency's heads collectively: complex, or major? */
export function needsCollectiveDiscussion(flags: ProcedureFlags): boolean {
  return (
    flags.complex === true ||
    flags.majorPublicInterest === true ||
    flags.majorSocialImpact === true ||
    flags.majorRights === true
  );
}

/** Decided instead of any notified penalty, these are never heavier: 不予处罚, and 警告 (the lightest, art. 9). */
const NEVER_HEAVIER: readonly string[] = ['no-penalty', 'warning'];

/**
 * The notice binds the decision (LAW-10, arts. 44, 45): the decision is of the kind notified, at
 * no higher amount, or a warning or no penalty at all; any other kind is not comparable and so
 * counts as heavier than the party was told, and needs a new notice. A notice without a structured penalty binds nothing, so it answers as one
 * that must be made again (fail closed). Returns why the decision is refused, or nothing.
 */
export function noticeRefusal(notified: unknown, decided: Proposal['penalty']): string | undefined {
  if (!decided) return undefined;
  const parsed = PenaltyKind.safeParse((notified as { kind?: unknown } | undefined)?.kind);
  if (!parsed.success) return '事先告知书未以结构化形式写明拟处罚的种类和金额';
  if (NEVER_HEAVIER.includes(decided.kind)) return undefined;
  if (parsed.data !== decided.kind)
    return `决定的处罚种类（${penaltyLabels[decided.kind]}）与告知的（${penaltyLabels[parsed.data]}）不同`;
  const amount = (notified as { amount?: unknown }).amount;
  if (WITH_AMOUNT.includes(decided.kind) && typeof amount !== 'number') return '事先告知书未写明拟处罚金额';
  if (typeof amount === 'number' && decided.amount !== undefined && decided.amount > amount)
    return `决定的金额（${decided.amount}元）高于告知的金额（${amount}元）`;
  return undefined;
}

/**
 * The simple procedure's limits (art. 51): a warning, or a small fine; and fines on the party
 * earlier in the period (`earlier`, other cases) that repeat these facts (art. 29) or add up past
 * the limit with this one (a fine split in parts is not small) are for the general procedure.
 */
function simpleLimitRefusal(
  partyKind: 'person' | 'organization',
  proposal: Proposal | undefined,
  earlier: { fines: readonly SimpleFine[]; matterId: string | undefined },
) {
  const limit = SIMPLE_PROCEDURE_FINE_LIMIT[partyKind];
  const who = partyKind === 'person' ? '公民' : '法人或者其他组织';
  const rule = `简易程序仅适用于警告或对${who}处${limit}元以下罚款`;
  const penalty = proposal?.penalty;
  if (!penalty) return `${rule}，本决定没有处罚内容`;
  if (penalty.kind === 'warning') return undefined;
  if (penalty.kind !== 'fine') return `${rule}，不适用于该处罚种类`;
  if (penalty.amount === undefined) return `${rule}，请写明罚款金额`;
  if (penalty.amount > limit) return `${rule}，拟罚款${penalty.amount}元，须适用普通程序`;
  const facts = simpleFineFacts(earlier.matterId, proposal?.legalBasis ?? '');
  const repeated = earlier.fines.find((fine) => fine.facts === facts);
  if (repeated)
    return `该当事人已于${repeated.decidedOn}因同一事实和依据受到简易程序罚款，同一违法行为不得给予两次以上罚款（行政处罚法第二十九条）；确属新的违法行为的，须适用普通程序，由承办股室负责人审查`;
  const total = earlier.fines.reduce((sum, fine) => sum + fine.amount, 0) + penalty.amount;
  if (earlier.fines.length > 0 && total > limit)
    return `${rule}：该当事人本期间内已受简易程序罚款${earlier.fines.length}次，连同本次合计${total}元，超过限额，须适用普通程序，由承办股室负责人审查`;
  return undefined;
}

const servedOn = (servedAt: unknown) =>
  typeof servedAt === 'string' && !Number.isNaN(Date.parse(servedAt))
    ? legalDateOf(new Date(servedAt))
    : undefined;

/**
 * The steps a decision needs now, each done, missing or waiting for a period to pass. `proposal`
 * is the decision about to be issued (or the last one proposed): the hearing period and the
 * simple procedure's limits depend on it.
 */
export function procedureSteps(
  facts: ProcedureFacts,
  proposal: Proposal | undefined,
  clock: ProcedureClock,
  settings: ProcedureSettings = {},
): StepState[] {
  const steps: StepState[] = [];
  const add = (step: ProcedureStep, status: StepStatus, detail: string) =>
    steps.push({ step, label: stepLabels[step], status, detail });
  const ofType = (type: string) => facts.documents.filter((document) => document.type === type);

  if (facts.category === 'penalty' && facts.procedure === 'simple') {
    const refusal = simpleLimitRefusal(facts.partyKind, proposal, {
      fines: facts.simpleFines ?? [],
      matterId: facts.matterId,
    });
    add(
      'simple-procedure-limit',
      refusal ? 'missing' : 'done',
      refusal ?? '符合简易程序适用条件，当场作出决定',
    );
    return steps;
  }

  if (facts.category === 'penalty' || facts.category === 'inspection' || facts.category === 'coercion') {
    const activity = facts.activities.find((candidate) =>
      INVESTIGATIVE_ACTIVITIES.includes(candidate.type as ActivityType),
    );
    const done = activity !== undefined || facts.archivedEvidence > 0;
    add(
      'investigation',
      done ? 'done' : 'missing',
      activity
        ? '已进行调查取证活动'
        : done
          ? '已有归档的证据'
          : '尚无调查取证活动或归档的证据（询问笔录、现场检查笔录须在调查取证活动中制作），不能作出决定',
    );
  }

  if (facts.category !== 'penalty') return steps;

  // Prior notice served: a notice, and a service receipt that names it (art. 44, 62); after a
  // revocation, a notice of the decision to be made again.
  const current = (type: string) =>
    ofType(type).filter((document) => facts.since === undefined || document.createdAt > facts.since);
  const notices = current('penalty-prior-notice');
  const receipts = ofType('service-receipt');
  const served = notices
    .map((notice) => {
      const receipt = receipts.find((candidate) => candidate.fields.documentNumber === notice.number);
      const on = receipt ? servedOn(receipt.fields.servedAt) : undefined;
      return receipt && on
        ? { notice, on, at: new Date(String(receipt.fields.servedAt)).toISOString() }
        : undefined;
    })
    .filter((entry) => entry !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  const notified = served ? noticeRefusal(served.notice.fields.penalty, proposal?.penalty) : undefined;
  if (notices.length === 0) {
    add(
      'penalty-prior-notice',
      'missing',
      facts.since
        ? '原决定已被撤回，重新作出决定前须重新制作并送达行政处罚事先告知书'
        : '尚未制作行政处罚事先告知书（未经告知不得作出处罚决定）',
    );
  } else if (!served) {
    add(
      'penalty-prior-notice',
      'missing',
      `事先告知书 ${notices.map((notice) => notice.number).join('、')} 尚无送达回证（送达回证须写明所送达文书的文号）`,
    );
  } else if (notified) {
    add(
      'penalty-prior-notice',
      'missing',
      `${notified}（事先告知书 ${served.notice.number}），须重新制作并送达事先告知书`,
    );
  } else {
    add('penalty-prior-notice', 'done', `事先告知书 ${served.notice.number} 已于 ${served.on} 送达`);
  }

  // Statement and defence heard, or the period passed in silence (art. 45); what answers the
  // notice comes after its service.
  const afterNotice = (type: string) =>
    ofType(type).find((document) => served !== undefined && document.createdAt >= served.at);
  const statement = afterNotice('statement-record');
  if (statement) {
    add('statement', 'done', `已制作陈述申辩笔录 ${statement.number}`);
  } else if (!served) {
    add('statement', 'missing', '须在事先告知书送达后听取当事人陈述、申辩');
  } else {
    const days = settings.statementWorkingDays ?? DEFAULT_PROCEDURE_SETTINGS.statementWorkingDays;
    const end = clock.periodEnd(served.on, days);
    if (end === null) add('statement', 'waiting', '陈述申辩期限所跨年度的节假日安排尚未载入，无法计算期限');
    else if (clock.today > end) add('statement', 'done', `当事人在陈述申辩期限（至 ${end}）内未陈述申辩`);
    else
      add(
        'statement',
        'waiting',
        `陈述申辩期限至 ${end}，期满前须听取陈述申辩或等待期满（制作陈述申辩笔录）`,
      );
  }

  // Hearing: 5 working days after service, unless waived in writing or held (arts. 63, 64).
  if (hearingEntitled(facts.partyKind, proposal?.penalty, settings)) {
    const waiver = afterNotice('hearing-waiver');
    if (facts.hearingHeld) add('hearing-period', 'done', '已举行听证');
    else if (waiver) add('hearing-period', 'done', `当事人已书面放弃听证（${waiver.number}）`);
    else if (!served)
      add('hearing-period', 'missing', '拟作出的处罚当事人有权要求听证，须先告知听证权利并送达');
    else {
      const end = clock.periodEnd(served.on, HEARING_REQUEST_WORKING_DAYS);
      if (end === null)
        add('hearing-period', 'waiting', '听证申请期限所跨年度的节假日安排尚未载入，无法计算期限');
      else if (clock.today > end)
        add('hearing-period', 'done', `听证申请期限（至 ${end}）已届满，当事人未申请听证`);
      else
        add(
          'hearing-period',
          'waiting',
          `当事人可在 ${end} 前申请听证；期满、书面放弃听证或听证结束后方可作出决定`,
        );
    }
  }

  if (needsCollectiveDiscussion(facts.flags)) {
    const minutes = current('collective-discussion')[0];
    add(
      'collective-discussion',
      minutes ? 'done' : 'missing',
      minutes
        ? `已集体讨论（${minutes.number}）`
        : '情节复杂或重大违法行为须经行政机关负责人集体讨论决定，集体讨论记录须先入卷',
    );
  }
  return steps;
}
