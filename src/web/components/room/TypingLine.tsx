import { type ReactElement, useEffect, useState } from 'react';
import type { Typist } from '../../state/types.js';
import { useChat } from '../../store.js';
import { typingLapseMs } from '../../typing.js';

const none: Typist[] = [];

export function typingSentence(names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return 'Several people are typing…';
}

/** "Ann is typing…" under the conversation; each name lapses a few seconds after its last word. */
export function TypingLine({ roomId }: { roomId: string }): ReactElement {
  const typists = useChat((s) => s.typing[roomId] ?? none);
  const [now, setNow] = useState(() => Date.now());
  const active = typists.filter((t) => now - t.at < typingLapseMs);
  useEffect(() => {
    if (typists.length === 0) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [typists]);
  // The region exists only while someone types: the page's other status (the connection banner)
  // stays the only one otherwise. The empty line keeps the composer from jumping.
  if (active.length === 0) return <div aria-hidden="true" className="h-5" />;
  return (
    <div role="status" aria-label="Typing" className="h-5 truncate px-4 text-xs text-stone-500 italic sm:px-6">
      {typingSentence(active.map((t) => t.user.username))}
    </div>
  );
}
