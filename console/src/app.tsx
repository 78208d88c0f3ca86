import { useCallback, useEffect, useState } from 'preact/hooks';
import { SIGNED_OUT_EVENT } from './api/client.ts';
import { clearSession, loadSession, type Session, saveSession } from './auth/session.ts';
import { Layout } from './components/layout.tsx';
import { forgetAnswers } from './offline/last-answers.ts';
import { OidcCallback } from './pages/oidc-callback.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { findRoute, navigate, Redirect, usePath } from './router.tsx';
import { homeOf, navigationOf, SCREENS } from './screens.tsx';

/** The screen of the path (`screens.tsx`); who is signed in decides where `/` leads. */
export function App() {
  const [session, setSession] = useState(loadSession);
  /** A screen about one thing (a case) names itself once it has loaded it. */
  const [shownTitle, setShownTitle] = useState<{ path: string; title: string }>();
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
  if (path === '/' || path === '/sign-in') return <Redirect to={homeOf(session)} />;
  const found = findRoute(SCREENS, path);
  const title = found ? (shownTitle?.path === path ? shownTitle.title : found.route.title) : '页面不存在';
  return (
    <Layout session={session} navigation={navigationOf(session)} title={title} onSignOut={signOut}>
      {found ? (
        found.route.render({
          params: found.params,
          session,
          setTitle: (next) => setShownTitle({ path, title: next }),
        })
      ) : (
        <p>没有这个页面。</p>
      )}
    </Layout>
  );
}
