import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { hasRole, type Role, type Session } from '../auth/session.ts';
import { roleLabels } from '../labels.ts';
import { Link } from '../router.tsx';

/** The main navigation: each screen and who works on it. */
const NAVIGATION: { to: string; label: string; roles: Role[] }[] = [
  { to: '/cases', label: '我的案件', roles: ['officer', 'unit-head', 'admin', 'leader', 'reviewer'] },
  { to: '/cases/new', label: '登记案件', roles: ['officer', 'unit-head', 'admin'] },
  { to: '/inspections', label: '涉企检查', roles: ['officer', 'unit-head'] },
  { to: '/inspection-plan', label: '年度检查计划', roles: ['officer', 'unit-head', 'admin'] },
  { to: '/reviews', label: '法制审核', roles: ['reviewer', 'leader', 'officer', 'unit-head', 'admin'] },
  { to: '/dashboard', label: '工作概况', roles: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'] },
  { to: '/checklists', label: '清单', roles: ['unit-head', 'admin', 'reviewer'] },
  { to: '/officers', label: '执法人员', roles: ['unit-head', 'admin'] },
  { to: '/publications', label: '公示', roles: ['unit-head', 'admin', 'leader'] },
  { to: '/complaints', label: '投诉', roles: ['unit-head', 'admin', 'leader', 'supervisor'] },
  { to: '/supervision', label: '监督事项', roles: ['supervisor'] },
  { to: '/rectification', label: '整改', roles: ['unit-head', 'admin', 'leader'] },
  { to: '/evaluations', label: '案卷评查', roles: ['supervisor', 'admin', 'leader'] },
  { to: '/alerts', label: '预警', roles: ['supervisor'] },
  { to: '/supervision/inspection-plans', label: '检查计划', roles: ['supervisor'] },
  { to: '/system', label: '系统管理', roles: ['unit-head', 'admin'] },
  { to: '/accounts', label: '账号管理', roles: ['admin'] },
  { to: '/agencies', label: '机构管理', roles: ['platform-admin'] },
  { to: '/calendar', label: '节假日日历', roles: ['calendar-admin'] },
];

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
          {NAVIGATION.filter((item) => hasRole(session, ...item.roles)).map((item) => (
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
