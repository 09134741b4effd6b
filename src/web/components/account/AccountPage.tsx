import { type ReactElement, useEffect, useState } from 'react';
import { fetchMe } from '../../http/endpoints.js';
import { chat, useChat } from '../../store.js';
import { Avatar } from '../Avatar.js';
import { MenuButton } from '../MenuButton.js';
import { useDocumentTitleText } from '../use-document-title.js';
import { ChangeEmailForm } from './ChangeEmailForm.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { ProfileForm } from './ProfileForm.js';
import { ProfilePicture } from './ProfilePicture.js';
import { AppLink } from '../ui.js';
import { BlockedPeople } from './BlockedPeople.js';
import { NotificationSettings } from './NotificationSettings.js';

const card = 'rounded-2xl border border-stone-200 bg-white p-5 shadow-xs sm:p-6';

/** /account, inside the app: who you are, and the two forms that need your password. */
export function AccountPage({ onOpenDrawer }: { onOpenDrawer: () => void }): ReactElement {
  const me = useChat((s) => s.me);
  const [email, setEmail] = useState<string | null>(null);
  useDocumentTitleText('Account · Hearth');
  useEffect(() => {
    chat.dispatch({ type: 'room/opened', roomId: null });
    void fetchMe().then(
      (found) => setEmail(found?.email ?? null),
      () => undefined,
    );
  }, []);

  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <header className="flex h-14 shrink-0 items-center gap-2 border-b border-stone-200 bg-white px-4 md:hidden">
        <MenuButton onClick={onOpenDrawer} />
        <span className="font-semibold">Account</span>
      </header>
      <div className="flex-1 overflow-y-auto">
        <div className="mx-auto max-w-4xl px-5 py-10 sm:py-12">
          <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{me?.kind === 'guest' ? 'Profile' : 'Account'}</h1>
          {me && (
            <div className="mt-5 flex items-center gap-3">
              <Avatar id={me.id} name={me.username} avatar={me.avatar} />
              <div className="min-w-0">
                <p className="truncate font-medium text-stone-900">{me.username}</p>
                <p className="truncate text-sm text-stone-500">
                  <span className="capitalize">{me.kind}</span>
                  {email && ` · ${email}`}
                </p>
              </div>
            </div>
          )}
          <div className="mt-6 grid gap-6 lg:grid-cols-2 lg:items-start">
            <section className={card}>
              {me && <ProfilePicture me={me} />}
              <div className={me ? 'mt-6 border-t border-stone-200 pt-6' : ''}>
                <ProfileForm />
              </div>
            </section>
            <section className={card}>
              <BlockedPeople />
            </section>
            <section className={card}>
              <NotificationSettings hasEmail={email !== null} />
            </section>
            {me?.kind === 'guest' ? (
              <section className={card}>
                <h2 className="text-base font-semibold text-stone-900">Keep your name</h2>
                <p className="mt-1 mb-4 text-sm text-stone-600">
                  As a guest, your name lasts while you use it. An account keeps it, with your rooms and messages, on any device.
                </p>
                <AppLink href="/signup" className="font-medium text-orange-800 underline">
                  Create account
                </AppLink>
              </section>
            ) : (
              <>
                <section className={card}>
                  <ChangePasswordForm />
                </section>
                <section className={card}>
                  <ChangeEmailForm onChanged={setEmail} />
                </section>
              </>
            )}
          </div>
        </div>
      </div>
    </main>
  );
}
