import { ulid } from 'ulid';
import type { Principal } from '#shared/auth.ts';
import { beijingTimeText, legalDateOf } from '#shared/dates.ts';
import type { AgencyProfile } from '#shared/domain/agency.ts';
import {
  type AvGap,
  type AvRequirement,
  avGaps,
  avRequirement,
  avRequirementLabels,
  avSatisfied,
} from '#shared/domain/cases/av-requirement.ts';
import {
  type Activity,
  type ActivityInput,
  type CaseInput,
  type CaseRecord,
  type Informing,
  maskedName,
} from '#shared/domain/cases/case.ts';
import { documentStatus } from '#shared/domain/cases/document-status.ts';
import {
  type CaseDocument,
  DECISION_DOCUMENT_TYPES,
  type DocumentType,
  DocumentTypeSchema,
  type DocumentVerification,
  documentLabel,
  documentNumber,
  documentTemplates,
  FreeRecordFields,
  serviceMethodLabels,
} from '#shared/domain/cases/documents.ts';
import { avViolation } from '#shared/domain/cases/issuance.ts';
import {
  type CaseStatus,
  canTransition,
  caseStatusLabels,
  GATED_STATUSES,
  openTransitions,
} from '#shared/domain/cases/state-machine.ts';
import { newVerificationCode } from '#shared/domain/cases/verification-code.ts';
import type { ChecklistItem } from '#shared/domain/checklists/kinds.ts';
import { redact } from '#shared/domain/desensitise.ts';
import {
  canonicalJson,
  GENESIS_HASH,
  type JournalEntry,
  nextEntry,
  sha256Hex,
  verifyChain,
} from '#shared/domain/journal.ts';
import { type EnforcementCategory, qualificationRefusal } from '#shared/domain/officer.ts';
import { redactionContextFor } from '#shared/domain/public-record.ts';
import { defaultRule, type Publication, readyEarly, SERVED_OR_LATER } from '#shared/domain/publication.ts';
import {
  type ErrorDetail,
  Forbidden,
  issueDetails,
  NotFound,
  RuleViolation,
  ValidationFailed,
} from '#shared/errors.ts';
import type { AgencyRepository } from '#shared/store/agency-repository.ts';
import type { CaseRepository } from '#shared/store/case-repository.ts';
import type { ChecklistRepository } from '#shared/store/checklist-repository.ts';
import type { ChildWrite } from '#shared/store/child-write.ts';
import type { EvidenceRepository } from '#shared/store/evidence-repository.ts';
import type { JournalAnchors } from '#shared/store/journal-anchors.ts';
import type { OfficerRepository } from '#shared/store/officer-repository.ts';
import type { Port } from '#shared/store/port.ts';
import type { PublicationRepository } from '#shared/store/publication-repository.ts';
import type { RandomDrawRepository } from '#shared/store/random-draw-repository.ts';
import { currentEdition } from '#shared/use-cases/checklists.ts';
import { verifyAgainstAnchors } from '#shared/use-cases/journal-anchors.ts';
import { withRetry } from '#shared/use-cases/retry.ts';

export interface CasePorts {
  cases: Port<CaseRepository>;
  randomDraws: Port<RandomDrawRepository>;
  evidence: Port<EvidenceRepository>;
  officers: Port<OfficerRepository>;
  agencies: Port<AgencyRepository>;
  checklists: Port<ChecklistRepository>;
  anchors: Port<JournalAnchors>;
  now: () => Date;
}

export async function getCase(ports: CasePorts, agencyId: string, id: string): Promise<CaseRecord> {
  const record = await ports.cases.get(agencyId, id);
  if (!record) throw new NotFound('案件不存在', [{ path: 'id', message: '未找到该案件' }]);
  return record;
}

/** Roles that see every unit of their agency; everyone else sees their own unit's cases. */
const AGENCY_WIDE_READERS = ['admin', 'leader', 'reviewer', 'supervisor'] as const;

/** Whether a person sees the whole agency's cases, or only their unit's (and the ones they handle). */
export function readsWholeAgency(principal: Principal): boolean {
  return principal.roles.some((role) => (AGENCY_WIDE_READERS as readonly string[]).includes(role));
}

/** Which unit's lists a person reads: none for those who see the agency (they read it whole). */
export function listScope(principal: Principal): { unitId: string | undefined } | undefined {
  return readsWholeAgency(principal) ? undefined : { unitId: principal.unitId };
}

/**
 * Whether a case is within a person's scope (reading it, its records, journal and evidence; legal
 * hold on its evidence): the legal review office, leadership, supervisors and administrators
 * see the agency; everyone else their own unit's cases and the ones they handle. A case without
 * a unit belongs to the people without one.
 */
export function assertInScope(record: CaseRecord, principal: Principal): void {
  if (readsWholeAgency(principal)) return;
  if (record.handlers.includes(principal.sub)) return;
  if (record.unitId === principal.unitId) return;
  throw new Forbidden('只能查看本股室的案件或本人承办的案件');
}

/** A case as its reader may see it: 404 if it does not exist, 403 outside their unit. */
export async function readCase(ports: CasePorts, principal: Principal, id: string): Promise<CaseRecord> {
  const record = await getCase(ports, principal.agencyId, id);
  assertInScope(record, principal);
  return record;
}

/** Who may write to a case: its handlers, the head of its unit, an administrator. */
export function assertMayHandle(record: CaseRecord, principal: Principal): void {
  if (principal.roles.includes('admin')) return;
  if (principal.roles.includes('unit-head') && record.unitId === principal.unitId) return;
  if (record.handlers.includes(principal.sub)) return;
  throw new Forbidden('只有本案承办人员、承办股室负责人或管理员可以办理此案件');
}

/**
 * Who may see a case's evidence and case file (REC-7): the legal review office, leadership, supervisors and
 * administrators of the agency; the head of the handling unit; the case's own handlers.
 */
export function assertEntitled(record: CaseRecord, principal: Principal): void {
  if (readsWholeAgency(principal)) return;
  if (principal.roles.includes('unit-head') && record.unitId === principal.unitId) return;
  if (record.handlers.includes(principal.sub)) return;
  throw new Forbidden('无权调阅本案音像证据');
}

/**
 * The unit a case is registered in: the registering person's own; another unit only by an
 * administrator, and only one the agency's profile lists.
 */
function caseUnit(
  principal: Principal,
  requested: string | undefined,
  profile: AgencyProfile | undefined,
): string | undefined {
  if (requested === undefined || requested === principal.unitId) return principal.unitId;
  if (!principal.roles.includes('admin')) {
    throw new Forbidden(`只能在本人所在股室（${principal.unitId ?? '无'}）登记案件，不能指定其他股室`);
  }
  if (profile && !profile.units.some((unit) => unit.id === requested)) {
    throw new ValidationFailed([{ path: 'unitId', message: '本机关没有该股室' }]);
  }
  return requested;
}

/**
 * At least two officers whose certificates are valid, for the case's category and region (LAW-2,
 * PUB-7), on every date given: the day the activity took place and the day it is recorded, so
 * that a date set back cannot bring an expired certificate back to life. Each officer has an
 * account, so that separation of duties knows who acted (LAW-12). Returns those accounts.
 */
export async function qualifiedOfficers(
  ports: Pick<CasePorts, 'officers'>,
  agencyId: string,
  certificateNos: readonly string[],
  acting: { dates: readonly string[]; category: EnforcementCategory; region: string | undefined },
  message = '执法人员不具备本案执法资格',
): Promise<string[]> {
  const details: ErrorDetail[] = [];
  const users: string[] = [];
  const dates = [...new Set(acting.dates)];
  await Promise.all(
    certificateNos.map(async (certificateNo, index) => {
      const officer = await ports.officers.get(agencyId, certificateNo);
      if (!officer) {
        details.push({ path: `officers.${index}`, message: `${certificateNo}：本机关没有该执法证` });
        return;
      }
      for (const date of dates) {
        const refusal = qualificationRefusal(officer, {
          date,
          category: acting.category,
          region: acting.region ?? officer.region,
        });
        if (refusal) {
          const when = dates.length > 1 ? `${date}：` : '';
          details.push({
            path: `officers.${index}`,
            message: `${officer.name}（${certificateNo}）：${when}${refusal}`,
          });
          break;
        }
      }
      if (officer.userId) users.push(officer.userId);
      else
        details.push({
          path: `officers.${index}`,
          message: `${officer.name}（${certificateNo}）：执法证未关联用户账号，无法落实回避，不能在案件中执法`,
        });
    }),
  );
  if (certificateNos.length < 2)
    details.push({ path: 'officers', message: '执法活动至少需要两名持有效执法证的执法人员' });
  if (details.length > 0) {
    throw new RuleViolation(
      'OFFICER_NOT_QUALIFIED',
      message,
      details.sort((a, b) => a.path.localeCompare(b.path)),
    );
  }
  return users;
}

/**
 * Inspection cases cite an item of a published checklist (LAW-9); other cases may cite a matter.
 * Returns the field (领域) the cited matter belongs to, if the list says.
 */
async function citedMatterField(
  ports: CasePorts,
  agencyId: string,
  input: CaseInput,
): Promise<string | undefined> {
  if (input.matterId === undefined) {
    if (input.category === 'inspection') {
      throw new RuleViolation('MATTER_NOT_PUBLISHED', '行政检查必须依据已公布的检查事项', [
        { path: 'matterId', message: '请填写已公布的随机抽查事项或执法事项编码' },
      ]);
    }
    return undefined;
  }
  const kinds =
    input.category === 'inspection' ? (['random-inspections', 'matters'] as const) : (['matters'] as const);
  for (const kind of kinds) {
    const list = await currentEdition(ports, agencyId, kind);
    const item = list?.items.find((candidate) => candidate.code === input.matterId);
    if (item) return 'field' in item ? item.field : undefined;
  }
  throw new RuleViolation('MATTER_NOT_PUBLISHED', '所引用的事项不在已公布的清单中', [
    { path: 'matterId', message: `${input.matterId} 未公布` },
  ]);
}

/**
 * The case's field (REV-2): the cited matter's, else the agency's. It is data, not the officer's
 * choice: a field typed that is not that one is refused, so a catalog rule is not escaped by
 * calling the case something else. Without either, the case has no field and every rule's field
 * condition holds for it (the catalog fails closed).
 */
function caseField(
  typed: string | undefined,
  matterField: string | undefined,
  profile: AgencyProfile | undefined,
): string | undefined {
  const field = matterField ?? profile?.field;
  if (typed !== undefined && typed !== field) {
    throw new ValidationFailed(
      [
        {
          path: 'field',
          message: field
            ? `案件所属领域取自所引用的执法事项或本机关的领域（${field}），不能另行填写`
            : '案件所属领域取自所引用的执法事项，所引用的事项未载明领域，不能另行填写',
        },
      ],
      '所属领域有误',
    );
  }
  return field;
}

function journalFor(
  record: CaseRecord,
  actor: Principal,
  at: Date,
  type: string,
  data: Record<string, unknown>,
): JournalEntry {
  return nextEntry(
    { seq: record.journalSeq, hash: record.journalHead },
    { at: at.toISOString(), actor: actor.sub, type, data },
  );
}

/** Applies a change to a case with its journal entry and child writes, in one transaction. */
export async function commitCaseChange(
  ports: CasePorts,
  record: CaseRecord,
  principal: Principal,
  type: string,
  data: Record<string, unknown>,
  change: Partial<CaseRecord> = {},
  children: ChildWrite[] = [],
): Promise<{ record: CaseRecord; entry: JournalEntry }> {
  const now = ports.now();
  const entry = journalFor(record, principal, now, type, data);
  const next: CaseRecord = {
    ...record,
    ...change,
    updatedAt: now.toISOString(),
    version: record.version + 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
  };
  await ports.cases.commit(record, next, entry, children);
  return { record: next, entry };
}

/**
 * LAW-2, PUB-7: the case's officers are qualified today, for every act in it, not only at
 * registration: a certificate suspended, revoked or expired mid-case stops the case until its
 * officers are replaced (`replaceCaseOfficers`).
 */
async function assertCaseOfficersQualified(ports: CasePorts, record: CaseRecord): Promise<void> {
  await qualifiedOfficers(
    ports,
    record.agencyId,
    record.officers,
    { dates: [legalDateOf(ports.now())], category: record.category, region: record.region },
    '本案执法人员已不具备执法资格，案件中止办理；须先更换本案执法人员',
  );
}

/**
 * The skeleton of every command on a case: read it afresh on each attempt, check that the caller
 * may write it and that the case's officers may still act in it (`officersAct: false` only for
 * what is not an act of the officers: a decision's revocation, evidence of an act already done),
 * make the change, and try again from the read when the commit lost a race.
 */
export function changeCase<T>(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
  change: (record: CaseRecord) => Promise<T>,
  { officersAct = true }: { officersAct?: boolean } = {},
): Promise<T> {
  return withRetry(async () => {
    const record = await getCase(ports, principal.agencyId, caseId);
    assertMayHandle(record, principal);
    if (officersAct) await assertCaseOfficersQualified(ports, record);
    return change(record);
  });
}

/**
 * Replaces a case's officers (LAW-2): by the head of its unit or an administrator, with at least
 * two officers qualified today, with the reason journaled. What lets a case stopped by a
 * suspended or revoked certificate go on.
 */
export async function replaceCaseOfficers(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
  input: { officers: string[]; reason: string },
): Promise<CaseRecord> {
  return changeCase(
    ports,
    principal,
    caseId,
    async (record) => {
      const head = principal.roles.includes('unit-head') && record.unitId === principal.unitId;
      if (!head && !principal.roles.includes('admin'))
        throw new Forbidden('只有承办股室负责人或管理员可以更换本案执法人员');
      if (['closed', 'archived'].includes(record.status))
        throw new RuleViolation('CASE_CLOSED', '案件已结案，不能更换执法人员');
      const users = await qualifiedOfficers(ports, principal.agencyId, input.officers, {
        dates: [legalDateOf(ports.now())],
        category: record.category,
        region: record.region,
      });
      const { record: next } = await commitCaseChange(
        ports,
        record,
        principal,
        'case.officers-replaced',
        { from: record.officers, to: input.officers, reason: input.reason },
        { officers: input.officers, handlers: [...new Set([...record.handlers, ...users])] },
      );
      return next;
    },
    { officersAct: false },
  );
}

/**
 * The skeleton of every command on something of a case (a review, a publication, evidence): read
 * it and its case afresh on each attempt, make the change, and try again from the reads when the
 * commit lost a race. The siblings of `changeCase`.
 */
export function changeWithCase<Item extends { caseId: string }, T>(
  ports: CasePorts,
  agencyId: string,
  load: () => Promise<Item>,
  change: (item: Item, record: CaseRecord) => Promise<T>,
): Promise<T> {
  return withRetry(async () => {
    const item = await load();
    return change(item, await getCase(ports, agencyId, item.caseId));
  });
}

/** The case's authors with this person added (LAW-12: they never judge the case). */
export function authoredBy(record: CaseRecord, principal: Principal): Pick<CaseRecord, 'authors'> {
  const authors = record.authors ?? [];
  return { authors: authors.includes(principal.sub) ? authors : [...authors, principal.sub] };
}

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

/**
 * Registers a case. An inspection of an enterprise opens its case when the officer scans the
 * enterprise in (INS-4): `opened` names the inspection and carries its change into the case's
 * transaction.
 */
export async function registerCase(
  ports: CasePorts,
  principal: Principal,
  input: CaseInput,
  opened?: { inspectionId: string; children: (caseId: string) => ChildWrite[] },
): Promise<CaseRecord> {
  const now = ports.now();
  const profile = await ports.agencies.get(principal.agencyId);
  const region = input.region ?? profile?.region;
  const field = caseField(input.field, await citedMatterField(ports, principal.agencyId, input), profile);
  if (input.drawId !== undefined) {
    const draw = await ports.randomDraws.get(input.drawId);
    if (
      !draw ||
      draw.agencyId !== principal.agencyId ||
      (input.matterId && input.matterId !== draw.matterCode)
    ) {
      throw new RuleViolation('UNKNOWN_DRAW', '随机抽取记录不存在或与检查事项不符', [
        { path: 'drawId', message: input.drawId },
      ]);
    }
  }
  const officerUsers = await qualifiedOfficers(ports, principal.agencyId, input.officers, {
    dates: [legalDateOf(now)],
    category: input.category,
    region,
  });
  const id = ulid();
  const entry = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    {
      at: now.toISOString(),
      actor: principal.sub,
      type: 'case.registered',
      data: {
        category: input.category,
        procedure: input.procedure ?? 'general',
        title: input.title,
        party: { kind: input.party.kind, name: maskedName(input.party) },
        officers: input.officers,
        ...(input.matterId ? { matterId: input.matterId } : {}),
      },
    },
  );
  const unitId = caseUnit(principal, input.unitId, profile);
  const record: CaseRecord = {
    id,
    agencyId: principal.agencyId,
    category: input.category,
    procedure: input.procedure ?? 'general',
    ...(field ? { field } : {}),
    title: input.title,
    ...(input.matterId ? { matterId: input.matterId } : {}),
    ...(input.drawId ? { drawId: input.drawId } : {}),
    ...(opened ? { inspectionId: opened.inspectionId } : {}),
    party: input.party,
    officers: input.officers,
    handlers: [...new Set([principal.sub, ...officerUsers])],
    ...(unitId ? { unitId } : {}),
    ...(region ? { region } : {}),
    ...(input.amountInvolved !== undefined ? { amountInvolved: input.amountInvolved } : {}),
    flags: input.flags ?? {},
    status: 'registered',
    createdAt: now.toISOString(),
    createdBy: principal.sub,
    updatedAt: now.toISOString(),
    version: 1,
    journalSeq: entry.seq,
    journalHead: entry.hash,
  };
  // Nothing was written when DynamoDB cancels for a conflicting transaction: the same write again.
  await withRetry(() => ports.cases.create(record, entry, opened?.children(id)));
  return record;
}

/** The states a case reaches only with its AV complete (REC-11). */
const PAST_INVESTIGATION: readonly CaseStatus[] = [
  'hearing',
  'pending-decision',
  'decided',
  'served',
  'executed',
  'closed',
  'archived',
];

/**
 * The decision's publication when the case reaching `status` is the moment its rule waits for
 * (service, or what follows it) and it needs no more confirmation: to be marked ready, so the
 * sweep publishes it at its next run rather than on its due date.
 */
async function publicationReadied(
  ports: CasePorts & { publications: Port<PublicationRepository> },
  record: CaseRecord,
  status: CaseStatus,
): Promise<Publication | undefined> {
  const publicationId = record.decision?.publicationId;
  if (!publicationId || !SERVED_OR_LATER.includes(status)) return undefined;
  const publication = await ports.publications.get(record.agencyId, publicationId);
  if (
    !publication ||
    publication.ready ||
    !['scheduled', 'deadline-unconfirmed'].includes(publication.status)
  )
    return undefined;
  const rule =
    (await ports.publications.getRule(record.agencyId, record.category)) ?? defaultRule(record.category);
  return readyEarly(rule, { status, party: record.party }, publication.confirmation !== undefined)
    ? publication
    : undefined;
}

export async function transitionCase(
  ports: CasePorts & { publications: Port<PublicationRepository> },
  principal: Principal,
  id: string,
  input: { to: CaseStatus; note?: string },
): Promise<CaseRecord> {
  return changeCase(ports, principal, id, async (record) => {
    if (GATED_STATUSES.includes(input.to) || !canTransition(record.status, input.to)) {
      const allowed = openTransitions(record.status);
      throw new RuleViolation(
        'INVALID_TRANSITION',
        input.to === 'decided'
          ? '作出决定请使用决定接口'
          : `案件不能从“${caseStatusLabels[record.status]}”转为“${caseStatusLabels[input.to]}”`,
        [
          {
            path: 'to',
            message: `可以转为：${allowed.map((status) => caseStatusLabels[status]).join('、') || '无'}`,
          },
        ],
        { allowed },
      );
    }
    const kind = record.decision?.revocationKind;
    if (
      record.status === 'revoked' &&
      input.to === 'pending-decision' &&
      kind !== 'changed' &&
      kind !== 'remade'
    ) {
      throw new RuleViolation(
        'INVALID_TRANSITION',
        '原决定被撤销或确认违法、无效，不能重新作出决定；决定被变更或责令重新作出的才可重新决定',
        [{ path: 'to', message: `撤回类型：${kind ?? '未知'}` }],
        { allowed: ['closed', 'archived'] },
      );
    }
    if (PAST_INVESTIGATION.includes(input.to)) await assertAvComplete(ports, record);
    const readied = await publicationReadied(ports, record, input.to);
    const { record: next } = await commitCaseChange(
      ports,
      record,
      principal,
      'case.transitioned',
      {
        from: record.status,
        to: input.to,
        ...(input.note ? { note: input.note } : {}),
      },
      {
        status: input.to,
        // The performance of the decision (履行情况) is published with it, before or after (PUB-10).
        ...(input.to === 'executed' ? { executedOn: legalDateOf(ports.now()) } : {}),
        // The closed case files a case-file evaluation draws from are those closed in its period (SUP-4).
        ...(input.to === 'closed' || (input.to === 'archived' && !record.closedOn)
          ? { closedOn: legalDateOf(ports.now()) }
          : {}),
      },
      readied
        ? [
            ports.publications.put(
              { ...readied, ready: true, updatedAt: ports.now().toISOString(), version: readied.version + 1 },
              readied,
            ),
          ]
        : [],
    );
    return next;
  });
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

async function avListInForce(ports: CasePorts, agencyId: string) {
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

/** Times a record states about what the party or the heads did: after registration, never ahead. */
const PROCEDURE_TIMES = ['statedAt', 'waivedAt', 'heldAt', 'servedAt'];

/**
 * What may still be written to a case (REC-3): nothing once archived, only the closing report once
 * closed; no time in a record lies in the future, and the procedure's own times (statement,
 * waiver, discussion, service) are not before the case was registered.
 */
function assertRecordFits(
  record: CaseRecord,
  type: string,
  fields: Record<string, unknown>,
  now: Date,
): void {
  if (record.status === 'archived' || (record.status === 'closed' && type !== 'closing-report')) {
    throw new RuleViolation(
      'CASE_CLOSED',
      record.status === 'archived' ? '案件已归档，不能再制作文书' : '案件已结案，只能制作结案报告',
    );
  }
  const details: ErrorDetail[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!field.endsWith('At') || typeof value !== 'string' || Number.isNaN(Date.parse(value))) continue;
    if (Date.parse(value) > now.getTime() + 60_000)
      details.push({ path: `fields.${field}`, message: '时间不能晚于当前时间' });
    else if (PROCEDURE_TIMES.includes(field) && Date.parse(value) < startOfMinute(record.createdAt))
      details.push({
        path: `fields.${field}`,
        message: `时间不能早于立案时间（北京时间 ${beijingTimeText(record.createdAt)}）`,
      });
  }
  if (details.length > 0) throw new ValidationFailed(details, `${documentLabel(type)}的时间有误`);
}

/**
 * The minute an instant falls in. People write the times of a procedure to the minute (the console's
 * fields and the messages here do too), so a time in the same minute as the case's registration or
 * the served document's making is not before it.
 */
function startOfMinute(instant: string): number {
  return Math.floor(Date.parse(instant) / 60_000) * 60_000;
}

/**
 * A service receipt names a document of this case, by record id or number, and its service took
 * place after that document was made and not in the future (LAW-2, LAW-10): a receipt cannot start
 * the hearing period of a notice that does not exist, nor start it earlier than the notice.
 * Returns the receipt's fields naming the document both ways, and the document.
 */
async function servedDocument(
  ports: CasePorts,
  record: CaseRecord,
  fields: Record<string, unknown>,
  now: Date,
): Promise<{ fields: Record<string, unknown>; served: CaseDocument }> {
  const documents = await ports.cases.documents(record.agencyId, record.id);
  const served = documents.find((document) =>
    fields.documentId !== undefined
      ? document.id === fields.documentId
      : document.number === fields.documentNumber,
  );
  const details: ErrorDetail[] = [];
  if (!served)
    details.push(
      fields.documentId !== undefined
        ? { path: 'fields.documentId', message: '本案没有所选的文书' }
        : {
            path: 'fields.documentNumber',
            message: `本案没有文号为 ${String(fields.documentNumber)} 的文书`,
          },
    );
  else if (fields.documentNumber !== undefined && fields.documentNumber !== served.number)
    details.push({ path: 'fields.documentNumber', message: `所选文书的文号是 ${served.number}` });
  else if (served.type === 'service-receipt')
    details.push({ path: 'fields.documentId', message: '送达回证本身不是送达的文书' });
  const servedAt = Date.parse(String(fields.servedAt));
  if (servedAt > now.getTime() + 60_000)
    details.push({ path: 'fields.servedAt', message: '送达时间不能晚于当前时间' });
  if (served && servedAt < startOfMinute(served.createdAt))
    details.push({
      path: 'fields.servedAt',
      message: `送达时间不能早于该文书的制作时间（北京时间 ${beijingTimeText(served.createdAt)}）`,
    });
  details.push(...(await serviceAvGaps(ports, record, fields, servedAt)));
  if (!served || details.length > 0) throw new ValidationFailed(details, '送达回证的内容有误');
  return { fields: { ...fields, documentId: served.id, documentNumber: served.number }, served };
}

/**
 * Service on site (直接送达, 留置送达) is a service activity, which needs AV by statute or by the
 * agency's list (REC-4): the receipt names that activity of this case, its AV archived, begun no
 * later than the service. Postal and electronic service prove themselves by the tracking number
 * or the delivery record instead.
 */
async function serviceAvGaps(
  ports: CasePorts,
  record: CaseRecord,
  fields: Record<string, unknown>,
  servedAt: number,
): Promise<ErrorDetail[]> {
  if (fields.method !== 'direct' && fields.method !== 'left') return [];
  const method = serviceMethodLabels[fields.method as 'direct' | 'left'];
  const requirement = avRequirement(
    await avListInForce(ports, record.agencyId),
    record.category,
    'service',
    record.flags.majorProperty === true,
  );
  if (requirement === 'none') return [];
  const path = 'fields.activityId';
  if (fields.activityId === undefined)
    return [
      {
        path,
        message: `${method}须有${avRequirementLabels[requirement]}：请先记录送达活动并上传音像证据，再选择该送达活动`,
      },
    ];
  const [activities, evidence] = await Promise.all([
    ports.cases.activities(record.agencyId, record.id),
    ports.evidence.forCase(record.agencyId, record.id),
  ]);
  const activity = activities.find(
    (candidate) => candidate.id === fields.activityId && candidate.type === 'service',
  );
  if (!activity) return [{ path, message: '本案没有所选的送达活动' }];
  const own = evidence.filter((item) => item.activityId === activity.id);
  if (!avSatisfied(requirement, own))
    return [{ path, message: `所选送达活动尚无已归档的${avRequirementLabels[requirement]}` }];
  if (servedAt < startOfMinute(activity.startedAt))
    return [
      {
        path: 'fields.servedAt',
        message: `送达时间不能早于送达活动的开始时间（北京时间 ${beijingTimeText(activity.startedAt)}）`,
      },
    ];
  return [];
}

/**
 * What the public sees of a document under its code (PUB-16): its title with the party's name
 * masked and the people and identifiers of the case taken out, and none of its fields.
 */
export function verificationOf(record: CaseRecord, document: CaseDocument): DocumentVerification {
  return {
    verificationCode: document.verificationCode,
    agencyId: document.agencyId,
    caseId: document.caseId,
    recordId: document.id,
    type: document.type,
    title: redact(document.title, redactionContextFor(record, [document], { maskPersonName: true })),
    number: document.number,
    issuedOn: legalDateOf(new Date(document.createdAt)),
    sha256: document.sha256,
  };
}

/**
 * A numbered document (REC-2) and the writes that take its number and store it, to be committed
 * with the case: the serial is read here and taken in that transaction, so a lost race re-reads
 * and tries the next, and numbers have no gaps and no duplicates under concurrency.
 */
export async function numberedDocument(
  ports: CasePorts,
  principal: Principal,
  record: CaseRecord,
  input: { type: string; title: string; fields: Record<string, unknown> },
): Promise<{ document: CaseDocument; writes: ChildWrite[] }> {
  const now = ports.now();
  const year = legalDateOf(now).slice(0, 4);
  const [profile, serial] = await Promise.all([
    ports.agencies.get(record.agencyId),
    ports.cases.nextSerial(record.agencyId, input.type, year),
  ]);
  const number = documentNumber(profile?.documentPrefix ?? '', input.type, year, serial);
  const content = {
    agencyId: record.agencyId,
    caseId: record.id,
    type: input.type,
    number,
    title: input.title,
    fields: input.fields,
  };
  const document: CaseDocument = {
    ...content,
    id: ulid(),
    year,
    serial,
    sha256: sha256Hex(canonicalJson(content)),
    verificationCode: newVerificationCode(),
    createdAt: now.toISOString(),
    createdBy: principal.sub,
  };
  return {
    document,
    writes: [
      ports.cases.takeSerial(record.agencyId, input.type, year, serial),
      ports.cases.putDocument(document),
      ports.cases.putVerification(verificationOf(record, document)),
    ],
  };
}

/**
 * Creates a numbered record (REC-2) of a standard template or of the agency's own type; not a
 * decision's document, which the decision makes (REC-12). A service receipt of the case's
 * decision document serves the decision: the case becomes `served` with it.
 */
export async function createDocument(
  ports: CasePorts & { publications: Port<PublicationRepository> },
  principal: Principal,
  caseId: string,
  input: { type: string; title: string; fields: Record<string, unknown> },
): Promise<CaseDocument> {
  const standard = DocumentTypeSchema.safeParse(input.type);
  const type = standard.success ? standard.data : input.type;
  if (DECISION_DOCUMENT_TYPES.includes(type as DocumentType))
    throw new RuleViolation(
      'DECISION_DOCUMENT',
      `${documentLabel(type)}在作出决定时由系统生成，不能另行制作`,
      [{ path: 'type', message: '请通过“作出决定”生成决定书' }],
    );
  const schema = standard.success ? documentTemplates[standard.data].fields : FreeRecordFields;
  const parsed = schema.safeParse(input.fields);
  if (!parsed.success) {
    throw new ValidationFailed(
      issueDetails(parsed.error.issues, ['fields']),
      `${documentLabel(type)}的内容不完整或有误`,
    );
  }
  return changeCase(ports, principal, caseId, async (record) => {
    const now = ports.now();
    assertRecordFits(record, type, parsed.data, now);
    const service =
      type === 'service-receipt' ? await servedDocument(ports, record, parsed.data, now) : undefined;
    const { document, writes } = await numberedDocument(ports, principal, record, {
      type,
      title: input.title,
      fields: service?.fields ?? parsed.data,
    });
    // The decision is served by the receipt of its document (REC-12).
    const servesDecision =
      service !== undefined &&
      record.status === 'decided' &&
      service.served.id === record.decision?.document?.recordId;
    if (servesDecision) await assertAvComplete(ports, record);
    const readied = servesDecision ? await publicationReadied(ports, record, 'served') : undefined;
    await commitCaseChange(
      ports,
      record,
      principal,
      'document.created',
      {
        documentId: document.id,
        documentType: type,
        number: document.number,
        sha256: document.sha256,
        ...(service ? { serves: service.served.id } : {}),
      },
      { ...authoredBy(record, principal), ...(servesDecision ? { status: 'served' as const } : {}) },
      [
        ...writes,
        ...(readied
          ? [
              ports.publications.put(
                { ...readied, ready: true, updatedAt: now.toISOString(), version: readied.version + 1 },
                readied,
              ),
            ]
          : []),
      ],
    );
    return document;
  });
}

export async function caseJournal(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
): Promise<JournalEntry[]> {
  await readCase(ports, principal, caseId);
  return ports.cases.journal(principal.agencyId, caseId);
}

export async function verifyCaseJournal(ports: CasePorts, principal: Principal, caseId: string) {
  const record = await readCase(ports, principal, caseId);
  const entries = await ports.cases.journal(principal.agencyId, caseId);
  const chain = verifyChain(entries, { seq: record.journalSeq, hash: record.journalHead });
  // The chain proves itself against the case's head; the anchors against the archive (REC-3).
  if (!chain.ok) return chain;
  const { broken } = await verifyAgainstAnchors(ports, principal.agencyId, caseId, entries);
  return broken ? { ...chain, ok: false, broken: { seq: broken.seq, reason: broken.reason } } : chain;
}

/**
 * What a record's printed document shows (REC-12): the record, the agency's full name, the party
 * and the case's officers with their certificate numbers; for whoever may read the case.
 */
export async function printableDocument(
  ports: CasePorts,
  principal: Principal,
  caseId: string,
  recordId: string,
) {
  const record = await readCase(ports, principal, caseId);
  const [document, profile, officers] = await Promise.all([
    ports.cases.document(principal.agencyId, caseId, recordId),
    ports.agencies.get(principal.agencyId),
    Promise.all(
      record.officers.map((certificateNo) => ports.officers.get(principal.agencyId, certificateNo)),
    ),
  ]);
  if (!document) throw new NotFound('文书不存在', [{ path: 'recordId', message: '本案没有该文书' }]);
  return {
    document,
    agencyName: profile?.name ?? principal.agencyId,
    party: record.party,
    officers: record.officers.map((certificateNo, index) => ({
      certificateNo,
      name: officers[index]?.name ?? certificateNo,
    })),
  };
}

/**
 * A printed document checked by its code (PUB-16): what the public may see of it and whether it
 * still stands; an unknown code is not found, and says nothing more.
 */
export async function verifyDocument(ports: CasePorts, code: string) {
  const verification = await ports.cases.verification(code);
  if (!verification) throw new NotFound('未找到该核验码对应的文书');
  const { caseId, recordId } = verification;
  const [record, profile] = await Promise.all([
    caseId ? ports.cases.get(verification.agencyId, caseId) : undefined,
    ports.agencies.get(verification.agencyId),
  ]);
  return {
    agencyId: verification.agencyId,
    agencyName: profile?.name ?? verification.agencyId,
    type: verification.type,
    typeName: verification.typeName ?? documentLabel(verification.type),
    title: verification.title,
    number: verification.number,
    issuedOn: verification.issuedOn,
    sha256: verification.sha256,
    verificationCode: verification.verificationCode,
    // A supervision document (SUP-3) is not revoked with a decision: it stays in force.
    status: record && recordId ? documentStatus(record, recordId) : 'in-force',
  };
}

export type PublicDocument = Awaited<ReturnType<typeof verifyDocument>>;
