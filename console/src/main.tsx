import { render } from 'preact';
import { App } from './app.tsx';
import { loadDeployedSettings } from './config.ts';
import { sendWaitingDrafts } from './offline/outbox.ts';
import './styles.css';

const root = document.getElementById('app');
// The deployment's settings first: sign-in depends on them.
if (root) loadDeployedSettings().finally(() => render(<App />, root));

// The app shell survives a weak network (public/sw.js); not in development, where Vite serves modules.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .catch(() => {
      // Without it the console works as before, only not offline.
    });
}

// Records and activities written without a network go out when it returns, and at every start.
window.addEventListener('online', () => sendWaitingDrafts());
sendWaitingDrafts();
