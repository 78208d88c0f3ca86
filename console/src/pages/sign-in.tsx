import { useEffect, useState } from 'preact/hooks';
import { type ApiError, asApiError } from '../api/errors.ts';
import { type DemoUser, demoUsers, signInAsDemoUser } from '../auth/dev-sign-in.ts';
import type { Session } from '../auth/session.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { config } from '../config.ts';
import { roleLabels } from '../labels.ts';

/**
 * Sign-in. Configured for OpenID Connect (AWS), one button to the identity platform; on this
 * machine, the demo users of the local runtime, each signed in with `POST /dev/token`.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [users, setUsers] = useState<DemoUser[] | undefined | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState('');

  useEffect(() => {
    document.title = '登录 - 行政执法工作台';
    // `?agencyId=` signs in to a copy of the demo agency (tests make one each).
    const agencyId = new URLSearchParams(window.location.search).get('agencyId') ?? undefined;
    if (!config.oidc) demoUsers(agencyId).then(setUsers);
  }, []);

  async function signInAs(user: DemoUser) {
    setBusy(user.sub);
    setError(undefined);
    try {
      onSignedIn(await signInAsDemoUser(user));
    } catch (caught) {
      setError(asApiError(caught));
      setBusy('');
    }
  }

  async function signInWithOidc() {
    if (!config.oidc) return;
    setBusy('oidc');
    const { startOidcSignIn } = await import('../auth/oidc.ts');
    await startOidcSignIn(config.oidc).catch(() => {
      setBusy('');
      setError(asApiError(undefined));
    });
  }

  return (
    <main id="main" class="sign-in">
      <h1>行政执法工作台</h1>
      <p class="lead">行政执法公示、执法全过程记录、重大执法决定法制审核</p>
      <ErrorNotice error={error} />
      {config.oidc ? (
        <button type="button" class="primary wide" disabled={busy !== ''} onClick={signInWithOidc}>
          统一身份认证登录
        </button>
      ) : users === null ? (
        <p>正在读取演示账号……</p>
      ) : users === undefined ? (
        <div class="notice notice-error" role="alert">
          <p class="notice-title">未配置统一身份认证，本机也没有演示账号。</p>
        </div>
      ) : (
        <section aria-labelledby="demo-users">
          <h2 id="demo-users">本机演示账号</h2>
          <p class="hint">本机运行时选择一个演示账号登录；部署后使用统一身份认证平台登录。</p>
          <ul class="user-list">
            {users.map((user) => (
              <li key={user.sub}>
                <button
                  type="button"
                  class="user-button"
                  disabled={busy !== ''}
                  onClick={() => signInAs(user)}
                >
                  <span class="user-name">{user.name}</span>
                  <span class="user-roles">
                    {user.roles.map((role) => roleLabels[role] ?? role).join('、')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
