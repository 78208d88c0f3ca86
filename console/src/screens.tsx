import type { ComponentChildren } from 'preact';
import { hasRole, type Role, type Session } from './auth/session.ts';
import { Inspections } from './inspections/inspections.tsx';
import { ScanInspection } from './inspections/scan-inspection.tsx';
import { Accounts } from './pages/accounts.tsx';
import { AddActivity } from './pages/add-activity.tsx';
import { AddRecord } from './pages/add-record.tsx';
import { Agencies } from './pages/agencies.tsx';
import { Alerts } from './pages/alerts.tsx';
import { CalendarAdmin } from './pages/calendar.tsx';
import { CasePage } from './pages/case-page.tsx';
import { ChecklistPage } from './pages/checklist-page.tsx';
import { Checklists } from './pages/checklists.tsx';
import { Complaints } from './pages/complaints.tsx';
import { Dashboard } from './pages/dashboard.tsx';
import { Evaluations } from './pages/evaluations.tsx';
import { IssueDecision } from './pages/issue-decision.tsx';
import { MyCases } from './pages/my-cases.tsx';
import { Officers } from './pages/officers.tsx';
import { PublicationPage } from './pages/publication-page.tsx';
import { PublicationQueue } from './pages/publication-queue.tsx';
import { RegisterCase } from './pages/register-case.tsx';
import { ReviewPage } from './pages/review-page.tsx';
import { ReviewQueue } from './pages/review-queue.tsx';
import { SubmitReview } from './pages/submit-review.tsx';
import { SupervisionMatters } from './pages/supervision-matters.tsx';
import { System } from './pages/system.tsx';
import type { Route } from './router.tsx';

/** What a screen is given: the path's parameters, who is signed in, and a way to name itself. */
export interface ScreenContext {
  params: Record<string, string>;
  session: Session;
  /** A screen that is about one thing (a case) takes that thing's name as its title. */
  setTitle: (title: string) => void;
}

export type Screen = Route<{
  title: string;
  render: (context: ScreenContext) => ComponentChildren;
  /** In the main navigation, under this label, for these roles. */
  nav?: { label: string; roles: Role[] };
}>;

/**
 * Every screen of the console by path: the router finds the screen here and the navigation
 * lists, in this order, those with `nav` for the roles signed in. Paths with parameters are
 * tried after the literal ones (`/cases/new` before `/cases/:id`).
 */
export const SCREENS: readonly Screen[] = [
  {
    path: '/cases',
    title: '我的案件',
    render: () => <MyCases />,
    nav: { label: '我的案件', roles: ['officer', 'unit-head', 'admin', 'leader', 'reviewer'] },
  },
  {
    path: '/cases/new',
    title: '登记案件',
    render: ({ session }) => <RegisterCase session={session} />,
    nav: { label: '登记案件', roles: ['officer', 'unit-head', 'admin'] },
  },
  {
    path: '/inspections',
    title: '涉企检查',
    render: ({ session }) => <Inspections session={session} />,
    nav: { label: '涉企检查', roles: ['officer', 'unit-head'] },
  },
  {
    path: '/reviews',
    title: '法制审核',
    render: () => <ReviewQueue />,
    nav: { label: '法制审核', roles: ['reviewer', 'leader', 'officer', 'unit-head', 'admin'] },
  },
  {
    path: '/dashboard',
    title: '工作概况',
    render: ({ session }) => <Dashboard session={session} />,
    nav: { label: '工作概况', roles: ['unit-head', 'reviewer', 'leader', 'admin', 'supervisor'] },
  },
  {
    path: '/checklists',
    title: '执法清单',
    render: ({ session }) => <Checklists session={session} />,
    nav: { label: '清单', roles: ['unit-head', 'admin', 'reviewer'] },
  },
  {
    path: '/officers',
    title: '执法人员和执法证',
    render: ({ session }) => <Officers session={session} />,
    nav: { label: '执法人员', roles: ['unit-head', 'admin'] },
  },
  {
    path: '/publications',
    title: '执法决定公示',
    render: () => <PublicationQueue />,
    nav: { label: '公示', roles: ['unit-head', 'admin', 'leader'] },
  },
  {
    path: '/complaints',
    title: '投诉举报',
    render: ({ session }) => <Complaints session={session} />,
    nav: { label: '投诉', roles: ['unit-head', 'admin', 'leader', 'supervisor'] },
  },
  {
    path: '/supervision',
    title: '监督事项',
    render: ({ session }) => <SupervisionMatters session={session} />,
    nav: { label: '监督事项', roles: ['supervisor'] },
  },
  {
    path: '/rectification',
    title: '监督整改',
    render: ({ session }) => <SupervisionMatters session={session} />,
    nav: { label: '整改', roles: ['unit-head', 'admin', 'leader'] },
  },
  {
    path: '/evaluations',
    title: '案卷评查',
    render: ({ session }) => <Evaluations session={session} />,
    nav: { label: '案卷评查', roles: ['supervisor', 'admin', 'leader'] },
  },
  {
    path: '/alerts',
    title: '监督预警',
    render: ({ session }) => <Alerts session={session} />,
    nav: { label: '预警', roles: ['supervisor'] },
  },
  {
    path: '/system',
    title: '系统管理',
    render: ({ session }) => <System session={session} />,
    nav: { label: '系统管理', roles: ['unit-head', 'admin'] },
  },
  {
    path: '/accounts',
    title: '账号管理',
    render: ({ session }) => <Accounts session={session} />,
    nav: { label: '账号管理', roles: ['admin'] },
  },
  {
    path: '/agencies',
    title: '机构管理',
    render: () => <Agencies />,
    nav: { label: '机构管理', roles: ['platform-admin'] },
  },
  {
    path: '/calendar',
    title: '节假日日历',
    render: () => <CalendarAdmin />,
    nav: { label: '节假日日历', roles: ['calendar-admin'] },
  },
  {
    path: '/cases/:id/records/new',
    title: '添加文书记录',
    render: ({ params }) => <AddRecord caseId={params.id ?? ''} />,
  },
  {
    path: '/cases/:id/activities/new',
    title: '记录执法活动',
    render: ({ params }) => <AddActivity caseId={params.id ?? ''} />,
  },
  {
    path: '/cases/:id/reviews/new',
    title: '提请法制审核',
    render: ({ params }) => <SubmitReview caseId={params.id ?? ''} />,
  },
  {
    path: '/cases/:id/decision/new',
    title: '作出决定',
    render: ({ params }) => <IssueDecision caseId={params.id ?? ''} />,
  },
  {
    path: '/cases/:id',
    title: '案件',
    render: ({ params, session, setTitle }) => (
      <CasePage id={params.id ?? ''} session={session} onTitle={setTitle} />
    ),
  },
  {
    path: '/inspections/:id/scan',
    title: '扫码入企',
    render: ({ params }) => <ScanInspection id={params.id ?? ''} />,
  },
  {
    path: '/checklists/:id',
    title: '清单',
    render: ({ params, session }) => <ChecklistPage id={params.id ?? ''} session={session} />,
  },
  {
    path: '/publications/:id',
    title: '公示审查',
    render: ({ params, session }) => <PublicationPage id={params.id ?? ''} session={session} />,
  },
  {
    path: '/reviews/:id',
    title: '法制审核意见',
    render: ({ params, session }) => <ReviewPage id={params.id ?? ''} session={session} />,
  },
];

/** Where `/` leads: the first screen of the signed-in person's main work. */
const HOMES: readonly [Role, string][] = [
  ['officer', '/cases'],
  ['reviewer', '/reviews'],
  ['leader', '/dashboard'],
  ['supervisor', '/dashboard'],
  ['admin', '/officers'],
  ['platform-admin', '/agencies'],
  ['calendar-admin', '/calendar'],
];

export const homeOf = (session: Session): string =>
  HOMES.find(([role]) => hasRole(session, role))?.[1] ?? '/cases';

/** The navigation of the signed-in person: the screens of their roles, in the table's order. */
export const navigationOf = (session: Session) =>
  SCREENS.flatMap((screen) =>
    screen.nav && hasRole(session, ...screen.nav.roles) ? [{ to: screen.path, label: screen.nav.label }] : [],
  );
