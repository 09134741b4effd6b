import { lazy, type ReactElement, Suspense, useEffect, useState } from 'react';
import type { Route } from '../router.js';
import { refreshRooms } from '../room-list.js';
import { usePathname } from '../router.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { Home } from './Home.js';
import { RoomScreen } from './room/RoomScreen.js';
import { Sidebar } from './sidebar/Sidebar.js';
import { useDocumentTitle } from './use-document-title.js';
import { useChat } from '../store.js';

// Its own chunk: fetched the first time someone opens a profile.
const ProfileCard = lazy(() => import('./people/ProfileCard.js'));
// The account pages are visited rarely: their forms stay out of the first download.
const AccountPage = lazy(() => import('./account/AccountPage.js').then((m) => ({ default: m.AccountPage })));

/** Signed-in layout: the sidebar (a drawer on narrow screens) and the current room or home. */
export function Shell({ route }: { route: Route }): ReactElement {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const profileUserId = useChat((s) => s.profileUserId);
  const pathname = usePathname();
  const openDrawer = (): void => setDrawerOpen(true);
  useDocumentTitle();

  useEffect(() => setDrawerOpen(false), [pathname]);
  // New public rooms have no live event: the directory refreshes when the tab comes back into view.
  useEffect(() => {
    const onFocus = (): void => void refreshRooms();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);
  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setDrawerOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  return (
    <div className="flex h-full overflow-hidden">
      <Sidebar open={drawerOpen} onClose={() => setDrawerOpen(false)} />
      <div className="flex min-w-0 flex-1 flex-col">
        <ConnectionBanner />
        {route.name === 'room' ? (
          <RoomScreen key={route.roomId} roomId={route.roomId} onOpenDrawer={openDrawer} />
        ) : route.name === 'account' ? (
          <Suspense fallback={<main className="flex-1" aria-busy="true" />}>
            <AccountPage onOpenDrawer={openDrawer} />
          </Suspense>
        ) : (
          <Home onOpenDrawer={openDrawer} />
        )}
      </div>
      {profileUserId !== null && (
        <Suspense fallback={null}>
          <ProfileCard key={profileUserId} userId={profileUserId} />
        </Suspense>
      )}
    </div>
  );
}
