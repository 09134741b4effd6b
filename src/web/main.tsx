import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.js';
import './styles.css';
import { registerServiceWorker } from './push.js';
import { navigate } from './router.js';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
void registerServiceWorker();
// A notification clicked while a tab is open: this tab goes to the message.
navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string; url?: string }>) => {
  if (event.data.type !== 'hearth:open' || !event.data.url) return;
  const url = new URL(event.data.url);
  if (url.origin === location.origin) navigate(url.pathname + url.search);
});
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
