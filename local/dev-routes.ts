import * as z from 'zod';
import { type DevTokenIssuer, DevTokenRequest } from '#local/dev-tokens.ts';
import { DEMO_ADMIN, DEMO_AGENCY_ID, usersOf } from '#local/seed.ts';
import { clock } from '#shared/clock.ts';
import { errorBody, httpStatusOf } from '#shared/http/errors.ts';
import { PLATFORM_ID } from '#shared/kernel/agency.ts';
import { AccountDisabled, issueDetails } from '#shared/kernel/errors.ts';
import type { LocalIdentity } from '#shared/organisation/store/local-identity.ts';

export interface DevReply {
  status: number;
  body: unknown;
}

type JobRunner = (name: string) => Promise<unknown>;

const ClockRequest = z.strictObject({ now: z.iso.datetime({ offset: true }) });

const invalid = (details: { path: string; message: string }[]): DevReply => ({
  status: 400,
  body: errorBody('VALIDATION_FAILED', '请求参数有误', details),
});

function parse<T>(schema: z.ZodType<T>, body: string | undefined): { data: T } | { reply: DevReply } {
  let json: unknown;
  try {
    json = body === undefined ? undefined : JSON.parse(body);
  } catch {
    return { reply: invalid([{ path: 'body', message: '请求体不是合法的 JSON' }]) };
  }
  const result = schema.safeParse(json);
  return result.success ? { data: result.data } : { reply: invalid(issueDetails(result.error.issues)) };
}

const now = (): DevReply => ({ status: 200, body: { now: clock.now().toISOString() } });

let identity: LocalIdentity | undefined;

/** The local identity store; imported late, as the repositories read the environment the stack sets. */
async function localIdentity(): Promise<LocalIdentity> {
  if (identity) return identity;
  const [{ LocalIdentity }, { documentClient }, { config }] = await Promise.all([
    import('#shared/organisation/store/local-identity.ts'),
    import('#shared/kernel/store/clients.ts'),
    import('#shared/config.ts'),
  ]);
  identity = new LocalIdentity(documentClient, config().MAIN_TABLE);
  return identity;
}

/**
 * The routes that exist only on one machine (docs/api.md, "Local mode only"): tokens, the demo users, the clock,
 * running a scheduled job now, and delivering S3 notifications for arrived evidence now. Answers undefined for any other request.
 */
export function devRoutes(
  issuer: DevTokenIssuer,
  runJob: JobRunner,
  deliverArrivals: () => Promise<unknown>,
) {
  return async (
    method: string,
    path: string,
    body: string | undefined,
    query: URLSearchParams = new URLSearchParams(),
  ): Promise<DevReply | undefined> => {
    if (path === '/dev/token' && method === 'POST') {
      const parsed = parse(DevTokenRequest, body);
      if ('reply' in parsed) return parsed.reply;
      // Any claims may be minted for tests, but never a token of an account its agency disabled.
      // An enterprise's token names no agency and no account of one (INS-5).
      const login =
        parsed.data.agencyId === undefined
          ? undefined
          : await (await localIdentity()).get(parsed.data.agencyId, parsed.data.sub);
      if (login && !login.enabled) {
        const refusal = new AccountDisabled();
        return { status: httpStatusOf(refusal), body: errorBody(refusal.code, refusal.message) };
      }
      return { status: 200, body: { token: await issuer.issue(parsed.data) } };
    }
    // The accounts of the local identity store, for the staff console's local sign-in page (the
    // demo agency's, or `?agencyId=` another's: a copy of the demo that a test seeded, or one a
    // platform admin created), the platform's administrators (ORG-6) and the demo supervisor of
    // the county justice bureau.
    if (path === '/dev/users' && method === 'GET') {
      const agencyId = query.get('agencyId')?.trim() || DEMO_AGENCY_ID;
      if (agencyId.length > 64) return invalid([{ path: 'agencyId', message: '机关代码不能超过 64 个字符' }]);
      const identities = await localIdentity();
      const logins = await identities.enabled(agencyId);
      const platformAdmins = agencyId === PLATFORM_ID ? [] : await identities.enabled(PLATFORM_ID);
      const users = [
        ...[...logins, ...platformAdmins].map(({ userId, name, agencyId: agency, unitId, roles }) => ({
          sub: userId,
          name,
          agencyId: agency,
          ...(unitId ? { unitId } : {}),
          roles,
        })),
        // The demo supervisor oversees the demo agency and its copies, no agency made otherwise.
        ...(logins.some((login) => login.userId === DEMO_ADMIN)
          ? usersOf(agencyId).filter((user) => user.roles.includes('supervisor'))
          : []),
      ];
      return { status: 200, body: { agencyId, users } };
    }
    if (path === '/dev/clock') {
      if (method === 'GET') return now();
      if (method === 'DELETE') {
        clock.reset();
        return now();
      }
      if (method === 'POST') {
        const parsed = parse(ClockRequest, body);
        if ('reply' in parsed) return parsed.reply;
        clock.set(new Date(parsed.data.now));
        return now();
      }
    }
    if (path === '/dev/evidence-arrivals' && method === 'POST')
      return { status: 200, body: await deliverArrivals() };
    const job = /^\/dev\/jobs\/([^/]+)$/.exec(path)?.[1];
    if (job !== undefined && method === 'POST') {
      const name = decodeURIComponent(job);
      const result = await runJob(name);
      return result === undefined
        ? { status: 404, body: errorBody('NOT_FOUND', '没有这个定时任务', [{ path: 'job', message: name }]) }
        : { status: 200, body: { job: name, result } };
    }
    return undefined;
  };
}
