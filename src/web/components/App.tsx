import { type ReactElement, useEffect, useState } from 'react';
import type { User } from '../../contract/index.js';
import { fetchMe } from '../http/endpoints.js';
import { parseRoute, usePathname } from '../router.js';
import { startSession } from '../session.js';
import { useChat } from '../store.js';
import { FlameMark } from './icons.js';
import { InviteScreen } from './InviteScreen.js';
import { Landing } from './Landing.js';
import { Shell } from './Shell.js';
import { Button } from './ui.js';

let boot: Promise<User | null> | null = null;

/** GET /api/me once per page load: the cookie keeps a reload signed in. */
function resumeSession(): Promise<User | null> {
  boot ??= fetchMe().then((user) => {
    if (user !== null) startSession(user);
    return user;
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
  if (route.name === 'invite') return <InviteScreen code={route.code} />;
  if (me === null) return route.name === 'room' ? <InviteScreen /> : <Landing />;
  return <Shell route={route} />;
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
