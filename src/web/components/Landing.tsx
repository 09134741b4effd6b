import type { ReactElement } from 'react';
import { useNotice } from '../notice.js';
import { FlameMark } from './icons.js';
import { StartCard } from './start/StartCard.js';
import { AppLink, NoticeText } from './ui.js';

const points = [
  ['No sign-up needed', 'Pick a name and you are in. Create an account later to keep it.'],
  ['Rooms for anything', 'Public rooms anyone can find, private ones by invite.'],
  ['Live, and it keeps up', 'Messages arrive instantly and catch up after a lost connection.'],
] as const;

/** The signed-out front door. */
export function Landing(): ReactElement {
  const notice = useNotice();
  return (
    <main className="flex min-h-full flex-col overflow-y-auto bg-gradient-to-b from-orange-50/70 via-stone-50 to-stone-50">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between gap-4 px-5 pt-5">
        <div className="flex items-center gap-2.5">
          <FlameMark className="size-9" />
          <span className="text-xl font-semibold tracking-tight">Hearth</span>
        </div>
        <nav aria-label="Account" className="flex items-center gap-1 text-sm font-medium">
          <AppLink href="/login" className="rounded-lg px-3 py-2 text-stone-700 hover:bg-stone-100 hover:text-stone-900">
            Log in
          </AppLink>
          <AppLink
            href="/signup"
            className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-800 shadow-xs hover:bg-stone-50"
          >
            Sign up
          </AppLink>
        </nav>
      </header>
      {notice && (
        <div className="mx-auto w-full max-w-5xl px-5 pt-4">
          <NoticeText>{notice}</NoticeText>
        </div>
      )}
      <div className="flex flex-1 flex-col lg:justify-center">
        <div className="mx-auto grid w-full max-w-5xl gap-10 px-5 py-10 sm:py-14 lg:grid-cols-[1fr_28rem] lg:items-center lg:gap-16">
          <section>
            <h1 className="text-3xl font-semibold tracking-tight text-balance text-stone-900 sm:text-5xl">
              A warm place for your group to talk.
            </h1>
            <p className="mt-4 max-w-xl text-base text-pretty text-stone-600 sm:text-lg">
              Type a name and a room, press Join, and you are chatting. Share a link to bring others in.
            </p>
            <ul className="mt-8 hidden space-y-4 sm:block">
              {points.map(([title, text]) => (
                <li key={title} className="flex gap-3">
                  <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-orange-500" />
                  <span className="text-sm text-stone-600">
                    <strong className="font-medium text-stone-900">{title}.</strong> {text}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <StartCard needsName />
        </div>
      </div>
    </main>
  );
}
