import { type ReactElement, useEffect, useMemo, useState } from 'react';
import type { Member, User } from '../../../contract/index.js';
import { listMembers } from '../../http/people.js';
import { formatAgo, plural } from '../../lib/format.js';
import { openProfile } from '../../people.js';
import type { RoomView } from '../../state/types.js';
import { useChat } from '../../store.js';
import { Avatar } from '../Avatar.js';
import { CloseIcon } from '../icons.js';

/**
 * Everyone in the room: who is online first, then the others greyed with when they were last seen.
 * While this page is disconnected nobody's presence is known, and the panel says so instead of
 * showing what was true before. A column on wide screens, a sheet toggled from the header otherwise.
 */
export function PeoplePanel({ view, open, onClose }: { view: RoomView; open: boolean; onClose: () => void }): ReactElement {
  const meId = useChat((s) => s.me?.id);
  const connected = useChat((s) => s.connection === 'online');
  const [members, setMembers] = useState<Member[] | null>(null);
  const [total, setTotal] = useState(view.room.memberCount);
  const { id: roomId, memberCount } = view.room;

  useEffect(() => {
    let current = true;
    listMembers(roomId).then(
      (list) => {
        if (!current) return;
        setMembers(list.members);
        setTotal(list.total);
      },
      () => current && setMembers((known) => known ?? []),
    );
    return () => {
      current = false;
    };
    // Refetched when someone joins or leaves (the count changes) and after a reconnection.
  }, [roomId, memberCount, connected]);

  const onlineIds = useMemo(() => new Set(view.online.map((u) => u.id)), [view.online]);
  const offline = useMemo(() => (members ?? []).filter((m) => !onlineIds.has(m.user.id)), [members, onlineIds]);
  const unlisted = Math.max(0, total - (members?.length ?? 0));

  return (
    <>
      {open && <div aria-hidden="true" onClick={onClose} className="fixed inset-0 z-20 bg-stone-950/30 lg:hidden" />}
      <aside
        id="people-panel"
        aria-label="People"
        className={`${open ? 'flex' : 'hidden'} fixed inset-y-0 right-0 z-30 w-72 max-w-[85vw] flex-col border-l border-stone-200 bg-white shadow-xl lg:static lg:z-auto lg:flex lg:w-60 lg:shadow-none xl:w-64`}
      >
        <div className="flex h-14 items-center justify-between px-4 lg:h-auto lg:pt-5 lg:pb-2">
          <h2 className="text-xs font-semibold tracking-wider text-stone-500 uppercase">People</h2>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close people"
            className="rounded-lg p-2 text-stone-500 hover:bg-stone-100 lg:hidden"
          >
            <CloseIcon className="size-5" />
          </button>
        </div>
        <div className="flex-1 space-y-4 overflow-y-auto px-2 pb-3">
          {connected ? (
            <>
              <Section title={`Online — ${view.online.length}`}>
                <ul aria-label="Online" className="space-y-0.5">
                  {view.online.map((user) => (
                    <Person key={user.id} user={user} me={user.id === meId} state="online" />
                  ))}
                </ul>
              </Section>
              {offline.length > 0 && (
                <Section title={`Offline — ${offline.length + unlisted}`}>
                  <ul aria-label="Offline" className="space-y-0.5">
                    {offline.map((m) => (
                      <Person key={m.user.id} user={m.user} me={m.user.id === meId} state="offline" lastSeenAt={m.lastSeenAt} />
                    ))}
                  </ul>
                </Section>
              )}
            </>
          ) : (
            <Section title="Members">
              <p className="px-2 pb-1 text-xs text-stone-500">Presence unknown while you are offline.</p>
              <ul aria-label="Members" className="space-y-0.5">
                {(members ?? view.online.map((user) => ({ user, displayName: '', lastSeenAt: '' }))).map((m) => (
                  <Person key={m.user.id} user={m.user} me={m.user.id === meId} state="unknown" />
                ))}
              </ul>
            </Section>
          )}
          {unlisted > 0 && <p className="px-2 text-xs text-stone-500">and {unlisted} more</p>}
        </div>
        <p className="border-t border-stone-100 px-4 py-3 text-xs text-stone-500">
          {plural(total, view.room.kind === 'direct' ? 'person' : 'member', view.room.kind === 'direct' ? 'people' : 'members')} in this{' '}
          {view.room.kind === 'direct' ? 'conversation' : 'room'}
        </p>
      </aside>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactElement | ReactElement[] }): ReactElement {
  return (
    <section>
      <h3 className="px-2 pb-1 text-[11px] font-semibold tracking-wider text-stone-400 uppercase">{title}</h3>
      {children}
    </section>
  );
}

type PresenceState = 'online' | 'offline' | 'unknown';

const dots: Record<PresenceState, string> = {
  online: 'bg-emerald-500',
  offline: 'border border-stone-400 bg-white',
  unknown: 'bg-stone-300',
};

function Person({ user, me, state, lastSeenAt }: { user: User; me: boolean; state: PresenceState; lastSeenAt?: string }): ReactElement {
  return (
    <li>
      <button
        type="button"
        onClick={() => openProfile(user.id)}
        className={`flex w-full items-center gap-2.5 rounded-lg px-2 py-1.5 text-left text-sm hover:bg-stone-100 ${state === 'offline' ? 'opacity-60' : ''}`}
      >
        <span className="relative">
          <Avatar id={user.id} name={user.username} avatar={user.avatar} size="sm" />
          <span aria-hidden="true" className={`absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full ring-2 ring-white ${dots[state]}`} />
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline gap-1">
            <span className="truncate text-stone-800">{user.username}</span>
            {me && <span className="shrink-0 text-xs text-stone-400">(you)</span>}
          </span>
          {state === 'offline' && lastSeenAt && (
            <span className="block truncate text-xs text-stone-500">last seen {formatAgo(lastSeenAt)}</span>
          )}
        </span>
      </button>
    </li>
  );
}
