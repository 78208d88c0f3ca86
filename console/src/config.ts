/**
 * Where the console finds the API and how staff sign in, fixed at build time (Vite `VITE_*`
 * variables). Locally nothing is set: the API is this same origin and sign-in lists the demo
 * users through `/dev/token`. In AWS, `VITE_OIDC_AUTHORITY` and `VITE_OIDC_CLIENT_ID` name the
 * Cognito user pool or the province's identity platform (authorization code flow with PKCE).
 */
export interface OidcConfig {
  authority: string;
  clientId: string;
  scope: string;
}

const env = import.meta.env;

export const config = {
  apiBaseUrl: (env.VITE_API_BASE_URL as string | undefined) ?? '',
  oidc:
    env.VITE_OIDC_AUTHORITY && env.VITE_OIDC_CLIENT_ID
      ? ({
          authority: env.VITE_OIDC_AUTHORITY as string,
          clientId: env.VITE_OIDC_CLIENT_ID as string,
          scope: (env.VITE_OIDC_SCOPE as string | undefined) ?? 'openid profile',
        } satisfies OidcConfig)
      : undefined,
  /** The console's own path prefix (Vite's `base`). */
  base: import.meta.env.BASE_URL,
};
