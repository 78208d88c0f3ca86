import { ulid } from 'ulid';
import { type AgencyProfile, FIRST_UNIT, type NewAgencyInput } from '#shared/kernel/agency.ts';
import {
  Conflict,
  DomainError,
  type ErrorDetail,
  NotFound,
  ValidationFailed,
} from '#shared/kernel/errors.ts';
import type { JournalEntry } from '#shared/kernel/journal.ts';
import type { Principal } from '#shared/kernel/principal.ts';
import type { Page } from '#shared/kernel/store/pagination.ts';
import type { Port } from '#shared/kernel/store/port.ts';
import { withRetry } from '#shared/kernel/use-cases/retry.ts';
import {
  type Account,
  type AccountChange,
  type AccountInput,
  assertActive,
  assertMayDisable,
  assertNotOwnRoles,
  loggedFields,
  type NewAccountInput,
} from '#shared/organisation/domain/account.ts';
import type { AccountRepository } from '#shared/organisation/store/account-repository.ts';
import type { AgencyRepository } from '#shared/organisation/store/agency-repository.ts';
import type { IdentityProvider, Login } from '#shared/organisation/store/identity.ts';
import type { OfficerRepository } from '#shared/organisation/store/officer-repository.ts';

export interface AccountPorts {
  accounts: Port<AccountRepository>;
  agencies: Port<AgencyRepository>;
  officers: Port<OfficerRepository>;
  identity: IdentityProvider;
  now: () => Date;
}

export const loginOf = (account: Account): Login => ({
  userId: account.userId,
  agencyId: account.agencyId,
  name: account.name,
  unitId: account.unitId,
  roles: account.roles,
  ...(account.officerCertificateNo ? { officerCertificateNo: account.officerCertificateNo } : {}),
  ...(account.phone ? { phone: account.phone } : {}),
  ...(account.email ? { email: account.email } : {}),
});

/**
 * The unit is one of the agency's, the certificate one the agency registered (PUB-5): an account
 * cannot act under another agency's or an invented certificate; and the supervisor's role only in
 * a supervisory body. `prefix` names the row.
 */
async function checkReferences(
  ports: AccountPorts,
  profile: AgencyProfile | undefined,
  agencyId: string,
  input: AccountInput,
  prefix = '',
): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  if (!profile?.units.some((unit) => unit.id === input.unitId)) {
    details.push({ path: `${prefix}unitId`, message: '本机关没有该股室' });
  }
  if (input.officerCertificateNo && !(await ports.officers.get(agencyId, input.officerCertificateNo))) {
    details.push({ path: `${prefix}officerCertificateNo`, message: '本机关未登记该执法证号' });
  }
  // A supervisor's agencies are those whose supervisedBy names its body (ORG-4): only a body gives the role.
  if (input.roles.includes('supervisor') && (await ports.agencies.supervisedBy(agencyId)).length === 0) {
    details.push({
      path: `${prefix}roles`,
      message: '本机关不是任何机关的监督机关，不能设执法监督人员',
    });
  }
  return details;
}

/** The account log's entry of a change of `account` by `principal`. */
function logChange(
  principal: Principal,
  account: Account,
  previous: Account | undefined,
  type: AccountChange,
) {
  return {
    at: account.updatedAt,
    actor: principal.sub,
    type,
    data: {
      userId: account.userId,
      ...(previous ? { before: loggedFields(previous) } : {}),
      after: loggedFields(account),
    },
  };
}

async function commit(
  ports: AccountPorts,
  principal: Principal,
  account: Account,
  previous: Account | undefined,
  type: AccountChange,
): Promise<JournalEntry> {
  return ports.accounts.commit(account, previous?.version, logChange(principal, account, previous, type));
}

/** A new account of `agencyId`, made by `principal` (its admin, or the platform admin for the first one). */
function newAccount(principal: Principal, agencyId: string, input: NewAccountInput, now: Date): Account {
  const at = now.toISOString();
  return {
    ...input,
    userId: `u-${ulid().toLowerCase()}`,
    agencyId,
    status: 'active',
    createdAt: at,
    createdBy: principal.sub,
    updatedAt: at,
    updatedBy: principal.sub,
    version: 1,
  };
}

/**
 * The account's identity, made idempotently: one that exists already in the account's agency
 * (a create that reached the identity service before its answer was lost, or a Cognito user made
 * before its groups) is brought to `login`. A failure of the service is tried again a few times;
 * a taken id (another agency's) or another refusal of ours is not.
 */
async function ensureIdentity(identity: IdentityProvider, login: Login): Promise<void> {
  await withRetry(
    async () => {
      try {
        await identity.create(login);
        return;
      } catch (error) {
        if (!(error instanceof Conflict)) throw error;
        const stored = await identity.get(login.agencyId, login.userId);
        if (!stored) throw error;
        await identity.update(stored, login);
      }
    },
    IDENTITY_ATTEMPTS,
    (error) => !(error instanceof DomainError),
  );
}

/** Tries of the identity service per account opened: the SDK retries each call within a try. */
const IDENTITY_ATTEMPTS = 3;

/** Writes a new account with its log entry, then its identity. */
async function openAccount(ports: AccountPorts, principal: Principal, account: Account): Promise<Account> {
  await commit(ports, principal, account, undefined, 'created');
  await ensureIdentity(ports.identity, loginOf(account));
  return account;
}

/**
 * The agency an earlier `POST /v1/agencies` of the same input wrote, whose first administrator's
 * identity was not made, or not with its roles (the identity service failed after the
 * transaction): its first account, the first entry of its log. Undefined for any other agency of
 * the id, and for one that is finished, which stay a Conflict.
 */
async function unfinishedAgency(
  ports: AccountPorts,
  input: NewAgencyInput,
): Promise<(AgencyProfile & { firstAdmin: Account }) | undefined> {
  const profile = await ports.agencies.get(input.agencyId);
  if (!profile || profile.name !== input.name) return undefined;
  const first = (await ports.accounts.log(input.agencyId, 1, '2')).items[0];
  const userId = first?.data.userId;
  if (typeof userId !== 'string') return undefined;
  const [account, login] = await Promise.all([
    ports.accounts.get(input.agencyId, userId),
    ports.identity.get(input.agencyId, userId),
  ]);
  if (!account || account.name !== input.firstAdmin.name) return undefined;
  if (login && account.roles.every((role) => login.roles.includes(role))) return undefined;
  return { ...profile, firstAdmin: account };
}

/**
 * A new agency (ORG-6): its profile with the bodies that supervise it and one unit to start
 * from, and its first administrator's account; everything else the agency does itself. The data
 * is one transaction (profile, supervision index, account, its log entry), then the identity is
 * made (idempotent, tried again). Should the identity service still fail, the same request sent
 * again finishes the agency it wrote instead of answering 409: no agency is left without a way
 * for its administrator to sign in, no account without its agency.
 */
export async function createAgency(
  ports: AccountPorts,
  principal: Principal,
  input: NewAgencyInput,
): Promise<AgencyProfile & { firstAdmin: Account }> {
  const at = ports.now();
  const profile: AgencyProfile = {
    agencyId: input.agencyId,
    name: input.name,
    region: input.region ?? input.name,
    units: [FIRST_UNIT],
    supervisedBy: input.supervisedBy,
    ...(input.subjectListItem ? { subjectListItem: input.subjectListItem } : {}),
    updatedAt: at.toISOString(),
    updatedBy: principal.sub,
  };
  const firstAdmin = newAccount(
    principal,
    input.agencyId,
    { ...input.firstAdmin, unitId: FIRST_UNIT.id, roles: ['admin'] },
    at,
  );
  try {
    await ports.accounts.openAgency(
      profile,
      firstAdmin,
      logChange(principal, firstAdmin, undefined, 'created'),
    );
  } catch (error) {
    const unfinished = error instanceof Conflict ? await unfinishedAgency(ports, input) : undefined;
    if (!unfinished) throw error;
    await ensureIdentity(ports.identity, loginOf(unfinished.firstAdmin));
    return unfinished;
  }
  await ensureIdentity(ports.identity, loginOf(firstAdmin));
  return { ...profile, firstAdmin };
}

/** A staff account of the caller's agency (ORG-5): in the directory, its log, and the identity service. */
export async function createAccount(
  ports: AccountPorts,
  principal: Principal,
  input: NewAccountInput,
): Promise<Account> {
  const profile = await ports.agencies.get(principal.agencyId);
  const details = await checkReferences(ports, profile, principal.agencyId, input);
  if (details.length > 0) throw new ValidationFailed(details);
  return openAccount(ports, principal, newAccount(principal, principal.agencyId, input, ports.now()));
}

/**
 * Accounts from a staff list: every row checked before any is created, so a list with one bad
 * row creates nothing (`rows.{row}.{field}`).
 */
export async function importAccounts(
  ports: AccountPorts,
  principal: Principal,
  rows: { row: number; account: NewAccountInput }[],
): Promise<Account[]> {
  const profile = await ports.agencies.get(principal.agencyId);
  const details: ErrorDetail[] = [];
  for (const { row, account } of rows) {
    const found = await checkReferences(ports, profile, principal.agencyId, account, `rows.${row}.`);
    details.push(...found.map((detail) => ({ ...detail, message: `第 ${row} 行：${detail.message}` })));
  }
  if (details.length > 0) throw new ValidationFailed(details, '人员名单中有错误，未导入任何账号');
  const created: Account[] = [];
  for (const { account: input } of rows) {
    created.push(
      await openAccount(ports, principal, newAccount(principal, principal.agencyId, input, ports.now())),
    );
  }
  return created;
}

async function accountOf(ports: AccountPorts, principal: Principal, userId: string): Promise<Account> {
  // Keyed by the caller's agency: another agency's account is not found, whatever its id.
  const account = await ports.accounts.get(principal.agencyId, userId);
  if (!account) throw new NotFound('账号不存在', [{ path: 'userId', message: '本机关没有该账号' }]);
  return account;
}

export async function updateAccount(
  ports: AccountPorts,
  principal: Principal,
  userId: string,
  input: AccountInput,
): Promise<Account> {
  const current = await accountOf(ports, principal, userId);
  assertActive(current);
  assertNotOwnRoles(principal.sub, current, input.roles);
  const details = await checkReferences(
    ports,
    await ports.agencies.get(principal.agencyId),
    principal.agencyId,
    input,
  );
  if (details.length > 0) throw new ValidationFailed(details);
  const { officerCertificateNo: _dropped, ...kept } = current;
  const next: Account = {
    ...kept,
    ...input,
    updatedAt: ports.now().toISOString(),
    updatedBy: principal.sub,
    version: current.version + 1,
  };
  await commit(ports, principal, next, current, 'updated');
  await ports.identity.update(loginOf(current), loginOf(next));
  return next;
}

/** The account is disabled: its tokens are refused from now on (ORG-5), and it cannot sign in again. */
export async function disableAccount(
  ports: AccountPorts,
  principal: Principal,
  userId: string,
): Promise<Account> {
  const current = await accountOf(ports, principal, userId);
  assertMayDisable(principal.sub, current);
  const at = ports.now().toISOString();
  const next: Account = {
    ...current,
    status: 'disabled',
    disabledAt: at,
    updatedAt: at,
    updatedBy: principal.sub,
    version: current.version + 1,
  };
  await commit(ports, principal, next, current, 'disabled');
  await ports.identity.disable(loginOf(next));
  return next;
}

export async function listAccounts(
  ports: AccountPorts,
  principal: Principal,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<Account>> {
  return ports.accounts.page(principal.agencyId, query.limit, query.cursor);
}

/** Who changed which account how and when, newest first, with the head to verify the chain against. */
export async function accountLog(
  ports: AccountPorts,
  principal: Principal,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<JournalEntry> & { head: { seq: number; hash: string } }> {
  const [page, head] = await Promise.all([
    ports.accounts.log(principal.agencyId, query.limit, query.cursor),
    ports.accounts.logHead(principal.agencyId),
  ]);
  return { ...page, head };
}
