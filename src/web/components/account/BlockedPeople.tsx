import { type ReactElement, useEffect, useState } from 'react';
import type { User } from '../../../contract/index.js';
import { listBlocked } from '../../http/people.js';
import { setBlocked } from '../../people.js';
import { useChat } from '../../store.js';
import { Avatar } from '../Avatar.js';
import { Button } from '../ui.js';

/** Whom one blocks, each with "Unblock". */
export function BlockedPeople(): ReactElement {
  const blockedIds = useChat((s) => s.blockedIds);
  const [people, setPeople] = useState<User[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void listBlocked().then(setPeople, () => undefined);
  }, [blockedIds]);

  return (
    <section aria-labelledby="blocked-heading">
      <h2 id="blocked-heading" className="text-base font-semibold text-stone-900">
        Blocked people
      </h2>
      <p className="mt-1 text-sm text-stone-600">They cannot write to you directly; their messages in rooms are folded away.</p>
      {people.length === 0 ? (
        <p className="mt-3 text-sm text-stone-500">You block no one.</p>
      ) : (
        <ul aria-label="Blocked people" className="mt-3 space-y-2">
          {people.map((person) => (
            <li key={person.id} className="flex items-center gap-3">
              <Avatar id={person.id} name={person.username} avatar={person.avatar} size="sm" />
              <span className="min-w-0 flex-1 truncate text-sm">{person.username}</span>
              <Button
                variant="secondary"
                onClick={() =>
                  void setBlocked(person.id, false).catch((error: unknown) =>
                    setProblem(error instanceof Error ? error.message : 'Try again.'),
                  )
                }
              >
                Unblock {person.username}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      )}
    </section>
  );
}
