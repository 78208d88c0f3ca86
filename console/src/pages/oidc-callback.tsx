import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../auth/session.ts';
import { config } from '../config.ts';

/** Where the identity platform returns with the authorization code (PKCE). */
export function OidcCallback({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const oidc = config.oidc;
    if (!oidc) {
      setFailed(true);
      return;
    }
    import('../auth/oidc.ts')
      .then(({ completeOidcSignIn }) => completeOidcSignIn(oidc))
      .then(onSignedIn, () => setFailed(true));
  }, [onSignedIn]);
  return (
    <main id="main" class="sign-in">
      <h1>正在登录</h1>
      {failed ? (
        <div class="notice notice-error" role="alert">
          <p class="notice-title">登录未完成，请返回重新登录。</p>
        </div>
      ) : (
        <p>正在完成统一身份认证……</p>
      )}
    </main>
  );
}
