import { nextEntry } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { ChildWrite } from '#shared/kernel/store/child-write.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { type MatterStep, matterSettled, type SupervisionMatter } from '#shared/supervision/domain/matter.ts';
import { namedReferralRefusal } from '#shared/supervision/domain/referral.ts';
import type { MatterRepository } from '#shared/supervision/store/matter-repository.ts';

/** What a decision's revocation reads and writes of the matter whose referral it acts on (SUP-3). */
export interface ReferralPorts {
  matters: Pick<Port<MatterRepository>, 'get' | 'openReferral' | 'committing' | 'releaseReferral'>;
}

/**
 * What a decision's revocation (PUB-11) writes into the matter whose referral is open on it
 * (SUP-3), to ride in the revocation's transaction: the referral done, its `referral.done` in
 * the matter's journal, the decision's lock released. Named or not, the revocation
 * of a referred decision always acts on its referral; one that names another is refused.
 */
export async function referralActedOn(
  ports: ReferralPorts,
  principal: Principal,
  revoked: {
    agencyId: string;
    caseId: string;
    named?: string | undefined;
    kind: string;
    effectiveOn: string;
  },
  now: Date,
): Promise<{ referralId?: string; writes: ChildWrite[] }> {
  const open = await ports.matters.openReferral(revoked.agencyId, revoked.caseId);
  const refusal = namedReferralRefusal(revoked.named, open);
  if (refusal) throw refusal;
  const matter = open ? await ports.matters.get(open.matterId) : undefined;
  if (!open || !matter) return { writes: [] };
  const done = {
    at: now.toISOString(),
    by: principal.sub,
    byName: principal.name,
    revocationKind: revoked.kind,
    effectiveOn: revoked.effectiveOn,
  };
  const referrals = (matter.referrals ?? []).map((referral) =>
    referral.referralId === open.referralId ? { ...referral, status: 'done' as const, done } : referral,
  );
  // The matter closes when nothing else waits (an opinion's rectification), as an acceptance closes it.
  const settled = matter.status === 'open' && matterSettled({ opinions: matter.opinions, referrals });
  const entry = nextEntry(matter.journalHead, {
    at: now.toISOString(),
    actor: principal.sub,
    type: 'referral.done' satisfies MatterStep,
    data: {
      referralId: open.referralId,
      caseId: open.caseId,
      revocationKind: revoked.kind,
      effectiveOn: revoked.effectiveOn,
      ...(settled ? { matterClosed: true } : {}),
    },
  });
  const next: SupervisionMatter = {
    ...matter,
    referrals,
    ...(settled ? { status: 'closed' as const, closedAt: now.toISOString() } : {}),
    journalHead: { seq: entry.seq, hash: entry.hash },
    version: matter.version + 1,
  };
  return {
    referralId: open.referralId,
    writes: ports.matters.committing(matter, next, entry, [ports.matters.releaseReferral(open)]),
  };
}
