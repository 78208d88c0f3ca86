/**
 * The signed-in user: the bearer token and the claims the API reads from it (docs/api.md:
 * `sub`, `name`, `agencyId`, `unitId`, `roles`; with Cognito the ID token's `custom:agencyId`,
 * `custom:unitId` and `cognito:groups`). Kept in sessionStorage: closing the tab signs out.
 */
export type Role =
  | 'officer'
  | 'unit-head'
  | 'reviewer'
  | 'leader'
  | 'admin'
  | 'supervisor'
  | 'calendar-admin'
  | 'platform-admin';

export interface Session {
  token: string;
  sub: string;
  name: string;
  agencyId: string;
  unitId?: string;
  roles: Role[];
  /** Seconds since the epoch, from the token's `exp`. */
  expiresAt?: number;
}

const KEY = 'console.session';

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[\s,[\]]+/).filter(Boolean);
  return [];
}

/** Reads a session from a token; the API still verifies the token on every call. */
export function sessionOf(token: string): Session {
  const claims = decodePayload(token);
  const text = (...names: string[]) => {
    for (const name of names) if (typeof claims[name] === 'string') return claims[name] as string;
    return undefined;
  };
  const unitId = text('unitId', 'custom:unitId');
  return {
    token,
    sub: text('sub') ?? '',
    name: text('name', 'preferred_username', 'email') ?? text('sub') ?? '',
    agencyId: text('agencyId', 'custom:agencyId') ?? '',
    ...(unitId ? { unitId } : {}),
    roles: listClaim(claims.roles ?? claims['cognito:groups']) as Role[],
    ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp } : {}),
  };
}

export function loadSession(): Session | undefined {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return undefined;
  try {
    const session = JSON.parse(stored) as Session;
    if (session.expiresAt !== undefined && session.expiresAt * 1000 <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return undefined;
    }
    return session;
  } catch {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

export const hasRole = (session: Session | undefined, ...roles: Role[]): boolean =>
  session?.roles.some((role) => roles.includes(role)) ?? false;
