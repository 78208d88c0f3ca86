import { legalDateOf } from '#shared/kernel/dates.ts';
import { Forbidden, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import { nextEntry, verifyChain } from '#shared/kernel/journal.ts';
import { hasAnyRole, type Principal, type Role } from '#shared/kernel/principal.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import type { CaseRepository } from '#shared/recording/store/case-repository.ts';
import { type MatterStep, opinionStatus, type SupervisionMatter } from '#shared/supervision/domain/matter.ts';
import { referralStatus } from '#shared/supervision/domain/referral.ts';
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
export const AGENCY_REPORTERS = ['admin', 'leader'] as const;

const notFound = () => new NotFound('监督事项不存在', [{ path: 'id', message: '未找到该监督事项' }]);

/**
 * The supervisory body's side: a supervisor of the body that opened the matter, which still
 * supervises the agency (a token issued after the agency left its supervision reads nothing).
 */
export const isBody = (principal: Principal, matter: SupervisionMatter) =>
  principal.roles.includes('supervisor') &&
  principal.agencyId === matter.supervisorAgencyId &&
  principal.supervises?.includes(matter.agencyId) === true;

/** The supervised agency's side: its administrators, leaders and unit heads read; `roles` narrows it. */
export const isAgency = (
  principal: Principal,
  matter: SupervisionMatter,
  roles: readonly Role[] = AGENCY_READERS,
) => hasAnyRole(principal, roles) && principal.agencyId === matter.agencyId;

/** A matter as either side reads it: each opinion with its status of today (`overdue` once its day has passed). */
export const matterView = (matter: SupervisionMatter, now: Date) => ({
  ...matter,
  opinions: matter.opinions.map((opinion) => ({ ...opinion, status: opinionStatus(opinion, now) })),
  referrals: (matter.referrals ?? []).map((referral) => ({
    ...referral,
    status: referralStatus(referral, now),
  })),
});

/** A matter either side may read; 404 for anyone else, as if it did not exist. */
export async function readableMatter(ports: MatterPorts, principal: Principal, matterId: string) {
  const matter = await ports.matters.get(matterId);
  if (!matter || !(isBody(principal, matter) || isAgency(principal, matter))) throw notFound();
  return matter;
}

/**
 * One step of a matter (SUP-2): read afresh, checked by `step`, written with its journal entry in
 * one transaction, retried from the read when another step won the race.
 */
export function changeMatter(
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
