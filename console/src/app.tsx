import { useCallback, useEffect, useState } from 'preact/hooks';
import { SIGNED_OUT_EVENT } from './api/client.ts';
import { clearSession, hasRole, loadSession, type Session, saveSession } from './auth/session.ts';
import { Layout } from './components/layout.tsx';
import { InspectionPlan } from './inspections/inspection-plan.tsx';
import { Inspections } from './inspections/inspections.tsx';
import { ScanInspection } from './inspections/scan-inspection.tsx';
import { SupervisedPlan } from './inspections/supervised-plan.tsx';
import { forgetAnswers } from './offline/last-answers.ts';
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
import { OidcCallback } from './pages/oidc-callback.tsx';
import { PublicationPage } from './pages/publication-page.tsx';
import { PublicationQueue } from './pages/publication-queue.tsx';
import { RegisterCase } from './pages/register-case.tsx';
import { ReviewPage } from './pages/review-page.tsx';
import { ReviewQueue } from './pages/review-queue.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { SubmitReview } from './pages/submit-review.tsx';
import { SupervisionMatters } from './pages/supervision-matters.tsx';
import { System } from './pages/system.tsx';
import { match, navigate, Redirect, usePath } from './router.tsx';

/** The screens by path; who is signed in decides where `/` leads. */
export function App() {
  const [session, setSession] = useState(loadSession);
  const [caseTitle, setCaseTitle] = useState('案件');
  const path = usePath();

  useEffect(() => {
    const signedOut = () => {
      setSession(undefined);
      navigate('/sign-in', { replace: true });
    };
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);

  const signedIn = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
    navigate('/', { replace: true });
  }, []);

  const signOut = () => {
    forgetAnswers();
    clearSession();
    setSession(undefined);
    navigate('/sign-in');
  };

  if (path === '/callback') return <OidcCallback onSignedIn={signedIn} />;
  if (!session) return <SignIn onSignedIn={signedIn} />;
  if (path === '/' || path === '/sign-in') {
    const home = hasRole(session, 'officer')
      ? '/cases'
      : hasRole(session, 'reviewer')
        ? '/reviews'
        : hasRole(session, 'leader', 'supervisor')
          ? '/dashboard'
          : hasRole(session, 'admin')
            ? '/officers'
            : hasRole(session, 'platform-admin')
              ? '/agencies'
              : hasRole(session, 'calendar-admin')
                ? '/calendar'
                : '/cases';
    return <Redirect to={home} />;
  }

  const screen = (title: string, body: preact.ComponentChildren) => (
    <Layout session={session} title={title} onSignOut={signOut}>
      {body}
    </Layout>
  );
  if (path === '/cases') return screen('我的案件', <MyCases />);
  if (path === '/cases/new') return screen('登记案件', <RegisterCase session={session} />);
  const record = match('/cases/:id/records/new', path);
  if (record?.id) return screen('添加文书记录', <AddRecord caseId={record.id} />);
  const activity = match('/cases/:id/activities/new', path);
  if (activity?.id) return screen('记录执法活动', <AddActivity caseId={activity.id} />);
  const review = match('/cases/:id/reviews/new', path);
  if (review?.id) return screen('提请法制审核', <SubmitReview caseId={review.id} />);
  const decision = match('/cases/:id/decision/new', path);
  if (decision?.id) return screen('作出决定', <IssueDecision caseId={decision.id} />);
  const found = match('/cases/:id', path);
  if (found?.id)
    return screen(caseTitle, <CasePage id={found.id} session={session} onTitle={setCaseTitle} />);
  if (path === '/inspections') return screen('涉企检查', <Inspections session={session} />);
  if (path === '/inspection-plan') return screen('年度检查计划', <InspectionPlan session={session} />);
  const scan = match('/inspections/:id/scan', path);
  if (scan?.id) return screen('扫码入企', <ScanInspection id={scan.id} />);
  if (path === '/reviews') return screen('法制审核', <ReviewQueue />);
  if (path === '/dashboard') return screen('工作概况', <Dashboard session={session} />);
  if (path === '/complaints') return screen('投诉举报', <Complaints session={session} />);
  if (path === '/supervision') return screen('监督事项', <SupervisionMatters session={session} />);
  if (path === '/rectification') return screen('监督整改', <SupervisionMatters session={session} />);
  if (path === '/evaluations') return screen('案卷评查', <Evaluations session={session} />);
  if (path === '/alerts') return screen('监督预警', <Alerts session={session} />);
  if (path === '/supervision/inspection-plans')
    return screen('检查计划', <SupervisedPlan session={session} />);
  if (path === '/checklists') return screen('执法清单', <Checklists session={session} />);
  const list = match('/checklists/:id', path);
  if (list?.id) return screen('清单', <ChecklistPage id={list.id} session={session} />);
  if (path === '/officers') return screen('执法人员和执法证', <Officers session={session} />);
  if (path === '/publications') return screen('执法决定公示', <PublicationQueue />);
  if (path === '/accounts') return screen('账号管理', <Accounts session={session} />);
  if (path === '/agencies') return screen('机构管理', <Agencies />);
  if (path === '/system') return screen('系统管理', <System session={session} />);
  if (path === '/calendar') return screen('节假日日历', <CalendarAdmin />);
  const publication = match('/publications/:id', path);
  if (publication?.id) return screen('公示审查', <PublicationPage id={publication.id} session={session} />);
  const opened = match('/reviews/:id', path);
  if (opened?.id) return screen('法制审核意见', <ReviewPage id={opened.id} session={session} />);
  return screen('页面不存在', <p>没有这个页面。</p>);
}
