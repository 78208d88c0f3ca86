import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Session } from '../auth/session.ts';
import { roleLabels } from '../labels.ts';
import { Link } from '../router.tsx';

/** Every signed-in screen: the header with who is signed in, the navigation, one h1. */
export function Layout({
  session,
  navigation,
  title,
  onSignOut,
  children,
}: {
  session: Session;
  /** The sections of the signed-in person's roles (`navigationOf` in screens.tsx). */
  navigation: readonly { to: string; label: string }[];
  title: string;
  onSignOut: () => void;
  children: ComponentChildren;
}) {
  useEffect(() => {
    document.title = `${title} - 行政执法工作台`;
  }, [title]);
  return (
    <>
      <a class="skip-link" href="#main">
        跳到正文
      </a>
      <header class="top">
        <div class="top-row">
          <Link to="/" class="brand">
            行政执法工作台
          </Link>
          <div class="who">
            <span>
              {session.name}
              <span class="role"> · {session.roles.map((role) => roleLabels[role] ?? role).join('、')}</span>
            </span>
            <button type="button" class="link-button" onClick={onSignOut}>
              退出登录
            </button>
          </div>
        </div>
        <nav aria-label="主导航">
          {navigation.map((item) => (
            <Link key={item.to} to={item.to} current>
              {item.label}
            </Link>
          ))}
        </nav>
      </header>
      <main id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
