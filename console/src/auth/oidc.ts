import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcConfig } from '../config.ts';
import { type Session, sessionOf } from './session.ts';

/**
 * Sign-in in AWS: OpenID Connect authorization code flow with PKCE (oidc-client-ts) against
 * Cognito or the province's identity platform. Loaded only when configured, so the local
 * console does not carry it. The API takes the ID token (README, "Deploy").
 */
function manager(oidc: OidcConfig): UserManager {
  const base = new URL(import.meta.env.BASE_URL, window.location.origin);
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: new URL('callback', base).href,
    post_logout_redirect_uri: base.href,
    response_type: 'code',
    scope: oidc.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export async function startOidcSignIn(oidc: OidcConfig): Promise<void> {
  await manager(oidc).signinRedirect();
}

export async function completeOidcSignIn(oidc: OidcConfig): Promise<Session> {
  const user = await manager(oidc).signinRedirectCallback();
  if (!user.id_token) throw new Error('身份认证平台没有返回 ID 令牌');
  return sessionOf(user.id_token);
}
