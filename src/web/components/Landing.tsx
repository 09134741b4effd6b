import type { ReactElement } from 'react';
import { FlameMark } from './icons.js';
import { StartCard } from './start/StartCard.js';

const points = [
  ['No sign-up', 'Pick a name and you are in. Your session stays on this device.'],
  ['Rooms for anything', 'Public rooms anyone can find, private ones by invite.'],
  ['Live, and it keeps up', 'Messages arrive instantly and catch up after a lost connection.'],
] as const;

/** The signed-out front door. */
export function Landing(): ReactElement {
  return (
    <main className="flex min-h-full flex-col overflow-y-auto bg-gradient-to-b from-orange-50/70 via-stone-50 to-stone-50 lg:justify-center">
      <div className="mx-auto grid w-full max-w-5xl gap-10 px-5 py-10 sm:py-16 lg:grid-cols-[1fr_28rem] lg:items-center lg:gap-16">
        <section>
          <div className="flex items-center gap-2.5">
            <FlameMark className="size-9" />
            <span className="text-xl font-semibold tracking-tight">Hearth</span>
          </div>
          <h1 className="mt-8 text-3xl font-semibold tracking-tight text-balance text-stone-900 sm:text-5xl">
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
    </main>
  );
}
