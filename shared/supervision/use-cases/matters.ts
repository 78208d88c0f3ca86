import { ulid } from 'ulid';
import { legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden, NotFound, RuleViolation, ValidationFailed } from '#shared/kernel/errors.ts';
import {
  canonicalJson,
  GENESIS_HASH,
  type JournalEntry,
  nextEntry,
  sha256Hex,
  verifyChain,
} from '#shared/kernel/journal.ts';
import { hasAnyRole, type Principal, type Role } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import { newVerificationCode } from '#shared/recording/domain/verification-code.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import {
  type AcceptanceInput,
  type MatterInput,
  type MatterStep,
  matterSettled,
  type Opinion,
  type OpinionInput,
  opinionNumber,
  opinionSeries,
  opinionStatus,
  type RectificationInput,
  rectificationRefusal,
  type SupervisionMatter,
} from '#shared/supervision/domain/matter.ts';
import { opinionKindLabels } from '#shared/supervision/domain/matter-labels.ts';
import {
  type Referral,
  type ReferralInput,
  referralStatus,
  referralVerdict,
} from '#shared/supervision/domain/referral.ts';
import type { ComplaintRepository } from '#shared/supervision/store/complaint-repository.ts';
import type { MatterRepository } from '#shared/supervision/store/matter-repository.ts';
import { overseen } from '#shared/supervision/use-cases/oversight.ts';

export interface MatterPorts {
  matters: Port<MatterRepository>;
  agencies: Pick<Port<AgencyRepository>, 'get'>;
  cases: Pick<Port<CaseRepository>, 'get' | 'nextSerial' | 'takeSerial' | 'putVerification'>;
  complaints: Pick<Port<ComplaintRepository>, 'get'>;
  now: () => Date;
}

/** The roles of the supervised agency that read its matters (SUP-2). */
const AGENCY_READERS = ['admin', 'leader', 'unit-head'] as const;
/** The roles of the supervised agency that report its rectification (SUP-3). */
const AGENCY_REPORTERS = ['admin', 'leader'] as const;

const notFound = () => new NotFound('监督事项不存在', [{ path: 'id', message: '未找到该监督事项' }]);

/**
 * The supervisory body's side: a supervisor of the body that opened the matter, which still
 * supervises the agency (a token issued after the agency left its supervision reads nothing).
 */
const isBody = (principal: Principal, matter: SupervisionMatter) =>
  principal.roles.includes('supervisor') &&
  principal.agencyId === matter.supervisorAgencyId &&
  principal.supervises?.includes(matter.agencyId) === true;

/** The supervised agency's side: its administrators, leaders and unit heads read; `roles` narrows it. */
const isAgency = (principal: Principal, matter: SupervisionMatter, roles: readonly Role[] = AGENCY_READERS) =>
  hasAnyRole(principal, roles) && principal.agencyId === matter.agencyId;

/** A matter as either side reads it: each opinion with its status of today (`overdue` once its day has passed). */
const matterView = (matter: SupervisionMatter, now: Date) => ({
  ...matter,
  opinions: matter.opinions.map((opinion) => ({ ...opinion, status: opinionStatus(opinion, now) })),
  referrals: (matter.referrals ?? []).map((referral) => ({
    ...referral,
    status: referralStatus(referral, now),
  })),
});

/** A matter either side may read; 404 for anyone else, as if it did not exist. */
async function readableMatter(ports: MatterPorts, principal: Principal, matterId: string) {
  const matter = await ports.matters.get(matterId);
  if (!matter || !(isBody(principal, matter) || isAgency(principal, matter))) throw notFound();
  return matter;
}

/**
 * One step of a matter (SUP-2): read afresh, checked by `step`, written with its journal entry in
 * one transaction, retried from the read when another step won the race.
 */
function changeMatter(
  ports: MatterPorts,
  principal: Principal,
  matterId: string,
  type: MatterStep,
  step: (
    matter: SupervisionMatter,
    now: Date,
  ) => Promise<{
    next: Omit<SupervisionMatter, 'version' | 'journalHead'>;
    data: Record<string, unknown>;
    children?: Parameters<MatterRepository['commit']>[3];
  }>,
) {
  return withRetry(async () => {
    const matter = await readableMatter(ports, principal, matterId);
    const now = ports.now();
    const { next, data, children } = await step(matter, now);
    const entry = nextEntry(matter.journalHead, { at: now.toISOString(), actor: principal.sub, type, data });
    const written: SupervisionMatter = {
      ...next,
      journalHead: { seq: entry.seq, hash: entry.hash },
      version: matter.version + 1,
    };
    await ports.matters.commit(matter, written, entry, children);
    return matterView(written, now);
  });
}

/**
 * A new matter opened by the caller's body and its first journal entry (`matter.opened`), as
 * `openMatter` writes it and as a case file scored below the pass mark opens one (SUP-4).
 */
export function newMatter(
  principal: Principal,
  input: Omit<MatterInput, 'sourceRef'> & { sourceRef?: string | undefined },
  names: { bodyName: string; agencyName: string; now: Date; caseTitle?: string | undefined },
): { matter: SupervisionMatter; entry: JournalEntry } {
  const entry = nextEntry(
    { seq: 0, hash: GENESIS_HASH },
    {
      at: names.now.toISOString(),
      actor: principal.sub,
      type: 'matter.opened' satisfies MatterStep,
      data: {
        agencyId: input.agencyId,
        source: input.source,
        ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
        subject: input.subject,
        facts: input.facts,
      },
    },
  );
  const matter: SupervisionMatter = {
    matterId: ulid(),
    supervisorAgencyId: principal.agencyId,
    supervisorName: names.bodyName,
    agencyId: input.agencyId,
    agencyName: names.agencyName,
    source: input.source,
    ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
    subject: {
      ...(input.subject.caseId ? { caseId: input.subject.caseId } : {}),
      // The case as people name it, from the case itself (the screens never show its id).
      ...(input.subject.caseId && names.caseTitle ? { caseTitle: names.caseTitle } : {}),
      ...(input.subject.practice ? { practice: input.subject.practice } : {}),
    },
    facts: input.facts,
    openedAt: names.now.toISOString(),
    openedBy: principal.sub,
    openedByName: principal.name,
    status: 'open',
    opinions: [],
    journalHead: { seq: entry.seq, hash: entry.hash },
    version: 1,
  };
  return { matter, entry };
}

/**
 * Opens a supervision matter (SUP-2) against an agency the caller's body supervises: from a
 * complaint, a 12345 transfer, an evaluation, an alert, statistics or its own finding; about a
 * case of that agency (which must exist) or a practice, or the agency itself.
 */
export async function openMatter(ports: MatterPorts, principal: Principal, input: MatterInput) {
  if (!principal.roles.includes('supervisor') || input.agencyId === principal.agencyId)
    throw new Forbidden('只有监督机关可以对其所监督的执法机关立监督事项');
  overseen(principal, input.agencyId);
  const fromComplaint = input.source === 'complaint' && input.sourceRef !== undefined;
  const [agency, body, subjectCase, complaint] = await Promise.all([
    ports.agencies.get(input.agencyId),
    ports.agencies.get(principal.agencyId),
    input.subject.caseId ? ports.cases.get(input.agencyId, input.subject.caseId) : undefined,
    fromComplaint ? ports.complaints.get(input.agencyId, input.sourceRef ?? '') : undefined,
  ]);
  const bad = [
    ...(input.subject.caseId && !subjectCase
      ? [{ path: 'subject.caseId', message: '被监督机关没有这个案件' }]
      : []),
    // A matter said to come from a complaint names a complaint the agency received.
    ...(fromComplaint && !complaint ? [{ path: 'sourceRef', message: '被监督机关没有收到这件投诉' }] : []),
  ];
  if (bad.length > 0) throw new ValidationFailed(bad);
  const { matter, entry } = newMatter(principal, input, {
    bodyName: body?.name ?? principal.agencyId,
    agencyName: agency?.name ?? input.agencyId,
    now: ports.now(),
    caseTitle: subjectCase?.title,
  });
  await withRetry(() => ports.matters.create(matter, entry));
  return matterView(matter, new Date(matter.openedAt));
}

/**
 * Issues a supervision opinion or recommendation on a matter (SUP-3): numbered in the body's own
 * series (the serial taken in the matter's transaction, so no gaps and no duplicates), with the
 * rule broken and a rectification deadline after today.
 */
export function issueOpinion(
  ports: MatterPorts,
  principal: Principal,
  matterId: string,
  input: OpinionInput,
) {
  return changeMatter(ports, principal, matterId, 'opinion.issued', async (matter, now) => {
    if (!isBody(principal, matter)) throw new Forbidden('只有立项的监督机关可以制发监督文书');
    if (matter.status === 'closed') throw new RuleViolation('MATTER_CLOSED', '监督事项已办结');
    const today = legalDateOf(now);
    if (input.rectifyBy <= today)
      throw new ValidationFailed([{ path: 'rectifyBy', message: '整改期限须晚于今天' }]);
    const year = today.slice(0, 4);
    const series = opinionSeries(input.kind);
    const [body, serial] = await Promise.all([
      ports.agencies.get(principal.agencyId),
      ports.cases.nextSerial(principal.agencyId, series, year),
    ]);
    if (!body?.documentPrefix)
      throw new RuleViolation(
        'DOCUMENT_PREFIX_MISSING',
        '本监督机关尚未设置文号前缀，请管理员在“机关设置”中填写后再制发监督文书',
      );
    const content = {
      supervisorAgencyId: matter.supervisorAgencyId,
      agencyId: matter.agencyId,
      matterId: matter.matterId,
      kind: input.kind,
      number: opinionNumber(body.documentPrefix, input.kind, year, serial),
      ...(input.facts ? { facts: input.facts } : {}),
      ruleBroken: input.ruleBroken,
      ...(input.demand ? { demand: input.demand } : {}),
      rectifyBy: input.rectifyBy,
    };
    const opinion: Opinion = {
      opinionId: ulid(),
      kind: input.kind,
      number: content.number,
      ...(input.facts ? { facts: input.facts } : {}),
      ruleBroken: input.ruleBroken,
      ...(input.demand ? { demand: input.demand } : {}),
      rectifyBy: input.rectifyBy,
      sha256: sha256Hex(canonicalJson(content)),
      verificationCode: newVerificationCode(),
      issuedAt: now.toISOString(),
      issuedBy: principal.sub,
      issuedByName: principal.name,
      status: 'issued',
      rectifications: [],
      acceptances: [],
    };
    return {
      next: { ...matter, opinions: [...matter.opinions, opinion] },
      data: {
        opinionId: opinion.opinionId,
        kind: opinion.kind,
        title: opinionKindLabels[opinion.kind],
        number: opinion.number,
        ...(opinion.facts ? { facts: opinion.facts } : {}),
        ruleBroken: opinion.ruleBroken,
        rectifyBy: opinion.rectifyBy,
      },
      children: [
        ports.cases.takeSerial(principal.agencyId, series, year, serial),
        // PUB-16: the code printed on the paper leads anyone holding it to what the public may see.
        ports.cases.putVerification({
          verificationCode: opinion.verificationCode,
          agencyId: matter.supervisorAgencyId,
          matterId: matter.matterId,
          type: series,
          typeName: opinionKindLabels[opinion.kind],
          title: `致${matter.agencyName}`,
          number: opinion.number,
          issuedOn: today,
          sha256: opinion.sha256,
        }),
      ],
    };
  });
}

/**
 * Refers the decision of the matter's case for correction (SUP-3, 责令纠正 / 建议撤销): only the
 * body that opened the matter, on a decision in force, never while another referral of that
 * decision is open (in this matter or another: the decision's lock is taken in the same
 * transaction). The agency's revocation of the decision (PUB-11) makes it done.
 */
export function referDecision(
  ports: MatterPorts,
  principal: Principal,
  matterId: string,
  input: ReferralInput,
) {
  return changeMatter(ports, principal, matterId, 'decision.referred', async (matter, now) => {
    if (!isBody(principal, matter)) throw new Forbidden('只有立项的监督机关可以移送纠正');
    const caseId = matter.subject.caseId;
    const [record, openReferral] = caseId
      ? await Promise.all([
          ports.cases.get(matter.agencyId, caseId),
          ports.matters.openReferral(matter.agencyId, caseId),
        ])
      : [undefined, undefined];
    const verdict = referralVerdict({
      matter,
      record,
      openReferral,
      correctBy: input.correctBy,
      today: legalDateOf(now),
    });
    if (!verdict.allowed) throw verdict.error;
    const decisionNumber = record?.decision?.document?.number;
    const referral: Referral = {
      referralId: ulid(),
      kind: input.kind,
      caseId: verdict.caseId,
      ...(decisionNumber ? { decisionNumber } : {}),
      reason: input.reason,
      ruleBroken: input.ruleBroken,
      correctBy: input.correctBy,
      referredAt: now.toISOString(),
      referredBy: principal.sub,
      referredByName: principal.name,
      status: 'open',
    };
    return {
      next: { ...matter, referrals: [...(matter.referrals ?? []), referral] },
      data: {
        referralId: referral.referralId,
        kind: referral.kind,
        caseId: referral.caseId,
        ...(decisionNumber ? { decisionNumber } : {}),
        reason: referral.reason,
        ruleBroken: referral.ruleBroken,
        correctBy: referral.correctBy,
      },
      children: [
        ports.matters.lockReferral({
          referralId: referral.referralId,
          matterId: matter.matterId,
          agencyId: matter.agencyId,
          caseId: verdict.caseId,
        }),
      ],
    };
  });
}

/** The matter of an opinion, or 404. */
async function matterOfOpinion(ports: MatterPorts, opinionId: string): Promise<string> {
  const matterId = await ports.matters.matterOfOpinion(opinionId);
  if (!matterId) throw new NotFound('监督文书不存在', [{ path: 'id', message: '未找到该监督文书' }]);
  return matterId;
}

const withOpinion = (matter: SupervisionMatter, opinionId: string, change: (opinion: Opinion) => Opinion) =>
  matter.opinions.map((opinion) => (opinion.opinionId === opinionId ? change(opinion) : opinion));

const opinionIn = (matter: SupervisionMatter, opinionId: string): Opinion => {
  const opinion = matter.opinions.find((candidate) => candidate.opinionId === opinionId);
  if (!opinion) throw new NotFound('监督文书不存在', [{ path: 'id', message: '未找到该监督文书' }]);
  return opinion;
};

/**
 * An opinion as its printed document (SUP-3) for either side of its matter, with the title of
 * the case it concerns; 404 for anyone else.
 */
export async function printableOpinion(ports: MatterPorts, principal: Principal, opinionId: string) {
  const matter = await readableMatter(ports, principal, await matterOfOpinion(ports, opinionId));
  const opinion = opinionIn(matter, opinionId);
  const subjectCase = matter.subject.caseId
    ? await ports.cases.get(matter.agencyId, matter.subject.caseId)
    : undefined;
  return { matter, opinion, ...(subjectCase ? { caseTitle: subjectCase.title } : {}) };
}

/** The supervised agency reports its rectification (整改报告, SUP-3): to an issued or returned opinion. */
export async function reportRectification(
  ports: MatterPorts,
  principal: Principal,
  opinionId: string,
  input: RectificationInput,
) {
  const matterId = await matterOfOpinion(ports, opinionId);
  return changeMatter(ports, principal, matterId, 'rectification.reported', async (matter, now) => {
    if (!isAgency(principal, matter, AGENCY_REPORTERS))
      throw new Forbidden('只有被监督机关的负责人或管理员可以提交整改报告');
    const opinion = opinionIn(matter, opinionId);
    const refusal = rectificationRefusal(opinion, 'report');
    if (refusal) throw new RuleViolation('RECTIFICATION_NOT_EXPECTED', refusal);
    const rectification = {
      report: input.report,
      attachments: input.attachments ?? [],
      reportedAt: now.toISOString(),
      reportedBy: principal.sub,
      reportedByName: principal.name,
    };
    return {
      next: {
        ...matter,
        opinions: withOpinion(matter, opinionId, (current) => ({
          ...current,
          status: 'reported',
          rectifications: [...current.rectifications, rectification],
        })),
      },
      data: {
        opinionId,
        report: input.report,
        attachments: rectification.attachments,
        late: opinion.rectifyBy < legalDateOf(now),
      },
    };
  });
}

/**
 * The supervisory body accepts the rectification or sends it back with its reasons (SUP-3). The
 * matter is closed once every opinion's rectification is accepted.
 */
export async function answerRectification(
  ports: MatterPorts,
  principal: Principal,
  opinionId: string,
  input: AcceptanceInput,
) {
  const matterId = await matterOfOpinion(ports, opinionId);
  return changeMatter(
    ports,
    principal,
    matterId,
    input.accepted ? 'rectification.accepted' : 'rectification.returned',
    async (matter, now) => {
      if (!isBody(principal, matter)) throw new Forbidden('只有制发监督文书的监督机关可以验收整改');
      const refusal = rectificationRefusal(opinionIn(matter, opinionId), 'accept');
      if (refusal) throw new RuleViolation('RECTIFICATION_NOT_EXPECTED', refusal);
      const opinions = withOpinion(matter, opinionId, (current) => ({
        ...current,
        status: input.accepted ? 'accepted' : 'returned',
        acceptances: [
          ...current.acceptances,
          {
            accepted: input.accepted,
            note: input.note,
            at: now.toISOString(),
            by: principal.sub,
            byName: principal.name,
          },
        ],
      }));
      const settled = matterSettled({ opinions, referrals: matter.referrals });
      return {
        next: {
          ...matter,
          opinions,
          ...(settled ? { status: 'closed' as const, closedAt: now.toISOString() } : {}),
        },
        data: {
          opinionId,
          accepted: input.accepted,
          note: input.note,
          ...(settled ? { matterClosed: true } : {}),
        },
      };
    },
  );
}

/**
 * A page of an agency's matters, newest first (SUP-2): the agency's own, for its admins, leaders
 * and unit heads; for a supervisor, those its body opened against an agency it supervises, which
 * it names (`agencyId`).
 */
export async function listMatters(
  ports: MatterPorts,
  principal: Principal,
  requested: { agencyId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const supervisor = principal.roles.includes('supervisor');
  if (supervisor && requested.agencyId === undefined)
    throw new ValidationFailed([{ path: 'agencyId', message: '请选择所监督的执法机关' }]);
  const agencyId = overseen(principal, requested.agencyId);
  const own = agencyId === principal.agencyId;
  if (own && !hasAnyRole(principal, AGENCY_READERS))
    throw new Forbidden('只有本机关的负责人、管理员或股室负责人可以查看监督事项');
  const page = await ports.matters.list(
    agencyId,
    requested.limit,
    requested.cursor,
    own ? undefined : principal.agencyId,
  );
  const now = ports.now();
  return { ...page, items: page.items.map((matter) => matterView(matter, now)) };
}

export async function getMatter(ports: MatterPorts, principal: Principal, matterId: string) {
  return matterView(await readableMatter(ports, principal, matterId), ports.now());
}

/** A matter's journal and whether its chain holds, for either side (SUP-2). */
export async function matterJournal(ports: MatterPorts, principal: Principal, matterId: string) {
  const matter = await readableMatter(ports, principal, matterId);
  const entries = await ports.matters.journal(matterId);
  return { entries, verification: verifyChain(entries, matter.journalHead) };
}

/** The opinions of an agency waiting for its report past their deadline (SUP-3): flagged and counted. */
export async function overdueRectifications(ports: Pick<MatterPorts, 'matters' | 'now'>, agencyId: string) {
  return ports.matters.openRectificationsBefore(agencyId, legalDateOf(ports.now()));
}
