/**
 * Where the console finds the API and how staff sign in. Locally nothing is set: the API is this
 * same origin and sign-in lists the demo users through `/dev/token`. In AWS the deployment writes
 * `config.json` beside index.html (infra/constructs/console-hosting.ts) with the identity
 * platform it was deployed against (Cognito or the province's; authorization code flow with
 * PKCE): a user pool's client id exists only once it is deployed, so it cannot be built in.
 * Vite `VITE_*` variables, if set at build, are the defaults `config.json` overrides.
 */
export interface OidcConfig {
  authority: string;
  clientId: string;
  scope: string;
}

/** What `config.json` holds; the API is on the console's own origin in AWS (a CloudFront behaviour). */
interface DeployedSettings {
  oidc?: { authority: string; clientId: string; scope?: string };
}

const env = import.meta.env;

export const config: { readonly apiBaseUrl: string; oidc: OidcConfig | undefined; readonly base: string } = {
  apiBaseUrl: (env.VITE_API_BASE_URL as string | undefined) ?? '',
  oidc:
    env.VITE_OIDC_AUTHORITY && env.VITE_OIDC_CLIENT_ID
      ? {
          authority: env.VITE_OIDC_AUTHORITY as string,
          clientId: env.VITE_OIDC_CLIENT_ID as string,
          scope: (env.VITE_OIDC_SCOPE as string | undefined) ?? 'openid profile',
        }
      : undefined,
  /** The console's own path prefix (Vite's `base`). */
  base: import.meta.env.BASE_URL,
};

/** The last settings read, for a console opened offline from its service worker. */
const STORED = 'console:deployed-settings';

function isSettings(value: unknown): value is DeployedSettings {
  if (typeof value !== 'object' || value === null) return false;
  const { oidc } = value as Record<string, unknown>;
  return (
    oidc === undefined ||
    (typeof oidc === 'object' &&
      oidc !== null &&
      typeof (oidc as Record<string, unknown>).authority === 'string' &&
      typeof (oidc as Record<string, unknown>).clientId === 'string')
  );
}

function apply(settings: DeployedSettings): void {
  if (settings.oidc)
    config.oidc = {
      authority: settings.oidc.authority,
      clientId: settings.oidc.clientId,
      scope: settings.oidc.scope ?? 'openid profile',
    };
}

/**
 * Reads the deployment's `config.json` before the console starts. None (404, locally): the
 * build's settings. Unreachable (offline): the settings read last time.
 */
export async function loadDeployedSettings(): Promise<void> {
  try {
    const response = await fetch(`${config.base}config.json`, { cache: 'no-cache' });
    if (!response.ok) {
      if (response.status === 404) localStorage.removeItem(STORED);
      return;
    }
    const settings: unknown = await response.json();
    if (!isSettings(settings)) return;
    localStorage.setItem(STORED, JSON.stringify(settings));
    apply(settings);
  } catch {
    const stored: unknown = JSON.parse(localStorage.getItem(STORED) ?? 'null');
    if (isSettings(stored)) apply(stored);
  }
}
