import { apiErrorOf, networkError } from '../api/errors.ts';
import { config } from '../config.ts';
import { type Role, type Session, sessionOf } from './session.ts';

/** A demo account of the local runtime (`GET /dev/users`, from local/seed.ts). */
export interface DemoUser {
  sub: string;
  name: string;
  agencyId: string;
  unitId?: string;
  roles: Role[];
}

async function json(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${config.apiBaseUrl}${path}`, init);
  } catch {
    throw networkError();
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw apiErrorOf(response.status, body);
  return body;
}

/**
 * The demo users (of the demo agency, or of a copy of it named by `agencyId`), or undefined where
 * the `/dev` routes do not exist (a deployed stack): then the console signs in through OpenID Connect.
 */
export async function demoUsers(agencyId?: string): Promise<DemoUser[] | undefined> {
  try {
    const query = agencyId ? `?agencyId=${encodeURIComponent(agencyId)}` : '';
    const body = (await json(`/dev/users${query}`)) as { users: DemoUser[] };
    return body.users;
  } catch {
    return undefined;
  }
}

/** Signs in locally: `POST /dev/token` with the user's claims. */
export async function signInAsDemoUser(user: DemoUser): Promise<Session> {
  const body = (await json('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  })) as { token: string };
  return sessionOf(body.token);
}
