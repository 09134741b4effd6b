import { type ReactElement, useEffect, useState } from 'react';
import type { User } from '../../contract/index.js';
import { fetchMe } from '../http/endpoints.js';
import { navigate, parseRoute, type Route, usePathname } from '../router.js';
import { startSession } from '../session.js';
import { useChat } from '../store.js';
import { ForgotPage } from './auth/ForgotPage.js';
import { LoginPage } from './auth/LoginPage.js';
import { ResetPage } from './auth/ResetPage.js';
import { SignupPage } from './auth/SignupPage.js';
import { FlameMark } from './icons.js';
import { InviteScreen } from './InviteScreen.js';
import { Landing } from './Landing.js';
import { Shell } from './Shell.js';
import { Button } from './ui.js';

let boot: Promise<User | null> | null = null;

/** GET /api/me once per page load: the cookie keeps a reload signed in. */
function resumeSession(): Promise<User | null> {
  boot ??= fetchMe().then((found) => {
    if (found !== null) startSession(found.user);
    return found?.user ?? null;
  });
  return boot;
}

export function App(): ReactElement {
  const me = useChat((s) => s.me);
  const route = parseRoute(usePathname());
  const [phase, setPhase] = useState<'loading' | 'ready' | 'unreachable'>('loading');

  useEffect(() => {
    if (phase !== 'loading') return;
    resumeSession().then(
      () => setPhase('ready'),
      () => {
        boot = null;
        setPhase('unreachable');
      },
    );
  }, [phase]);

  if (phase === 'loading') return <Splash />;
  if (phase === 'unreachable') return <Splash problem onRetry={() => setPhase('loading')} />;
  return screenFor(route, me);
}

/** Which screen a path shows, signed out, as a guest, or with an account. */
function screenFor(route: Route, me: User | null): ReactElement {
  const hasAccount = me !== null && me.kind !== 'guest';
  switch (route.name) {
    case 'invite':
      return <InviteScreen code={route.code} />;
    case 'signup':
      return hasAccount ? <Redirect to="/account" /> : <SignupPage />;
    case 'login':
      return hasAccount ? <Redirect to="/" /> : <LoginPage />;
    case 'forgot':
      return <ForgotPage />;
    case 'reset':
      return <ResetPage token={route.token} />;
    case 'account':
      // Guests too: their profile and whom they block are theirs as much as an account's.
      return me === null ? <Redirect to="/login" /> : <Shell route={route} />;
    case 'room':
      return me === null ? <InviteScreen /> : <Shell route={route} />;
    case 'home':
      return me === null ? <Landing /> : <Shell route={route} />;
  }
}

function Redirect({ to }: { to: string }): null {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Splash({ problem = false, onRetry }: { problem?: boolean; onRetry?: () => void }): ReactElement {
  return (
    <main className="flex h-full flex-col items-center justify-center gap-4 px-6 text-center" aria-busy={!problem}>
      <FlameMark className={`size-12 ${problem ? '' : 'animate-pulse'}`} />
      {problem ? (
        <>
          <p className="text-stone-700">Hearth cannot be reached right now.</p>
          <Button onClick={onRetry}>Try again</Button>
        </>
      ) : (
        <p className="sr-only">Loading Hearth…</p>
      )}
    </main>
  );
}
