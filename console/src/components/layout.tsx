import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { hasRole, type Session } from '../auth/session.ts';
import { Link } from '../router.tsx';

const roleLabels: Record<string, string> = {
  officer: '执法人员',
  'unit-head': '股室负责人',
  reviewer: '法制审核人员',
  leader: '机关负责人',
  admin: '系统管理员',
  supervisor: '执法监督人员',
  'calendar-admin': '日历管理员',
};

/** Every signed-in screen: the header with who is signed in, the navigation, one h1. */
export function Layout({
  session,
  title,
  onSignOut,
  children,
}: {
  session: Session;
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
          {hasRole(session, 'officer', 'unit-head', 'admin', 'leader', 'reviewer') && (
            <Link to="/cases" current>
              我的案件
            </Link>
          )}
          {hasRole(session, 'officer', 'unit-head', 'admin') && (
            <Link to="/cases/new" current>
              登记案件
            </Link>
          )}
          {hasRole(session, 'reviewer', 'leader', 'officer', 'unit-head', 'admin') && (
            <Link to="/reviews" current>
              法制审核
            </Link>
          )}
          {hasRole(session, 'unit-head', 'reviewer', 'leader', 'admin', 'supervisor') && (
            <Link to="/dashboard" current>
              工作概况
            </Link>
          )}
          {hasRole(session, 'unit-head', 'admin', 'reviewer') && (
            <Link to="/checklists" current>
              清单
            </Link>
          )}
          {hasRole(session, 'unit-head', 'admin') && (
            <Link to="/officers" current>
              执法人员
            </Link>
          )}
          {hasRole(session, 'unit-head', 'admin', 'leader') && (
            <Link to="/publications" current>
              公示
            </Link>
          )}
          {hasRole(session, 'unit-head', 'admin') && (
            <Link to="/system" current>
              系统管理
            </Link>
          )}
        </nav>
      </header>
      <main id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
