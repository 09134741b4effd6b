import { type ReactElement, useEffect, useState } from 'react';
import type { Profile } from '../../../contract/index.js';
import { fetchProfile } from '../../http/people.js';
import { formatAgo, localTimeIn } from '../../lib/format.js';
import { openDirect, setBlocked } from '../../people.js';
import { navigate, roomPath } from '../../router.js';
import { chat, useChat } from '../../store.js';
import { Avatar } from '../Avatar.js';
import { Button, Modal } from '../ui.js';

/** A person's card, opened from their name anywhere: who they are, and "Message" or "Block". */
export default function ProfileCard({ userId }: { userId: string }): ReactElement {
  const meId = useChat((s) => s.me?.id);
  const blocked = useChat((s) => s.blockedIds.includes(userId));
  const [profile, setProfile] = useState<Profile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const close = (): void => chat.dispatch({ type: 'profile/opened', userId: null });

  useEffect(() => {
    let current = true;
    fetchProfile(userId).then(
      (found) => current && setProfile(found),
      (error: unknown) => current && setProblem(error instanceof Error ? error.message : 'This profile could not be loaded.'),
    );
    return () => {
      current = false;
    };
  }, [userId]);

  async function act(work: () => Promise<void>): Promise<void> {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'That did not work.');
    }
  }

  const name = profile ? profile.displayName || profile.user.username : 'Profile';
  const self = userId === meId;
  const localTime = profile?.timeZone ? localTimeIn(profile.timeZone) : null;

  return (
    <Modal label={name} onClose={close}>
      {profile === null ? (
        <p className="text-sm text-stone-500" role={problem ? 'alert' : undefined}>
          {problem ?? 'Loading…'}
        </p>
      ) : (
        <>
          <div className="flex items-center gap-3">
            <Avatar id={profile.user.id} name={profile.user.username} avatar={profile.user.avatar} size="lg" />
            <div className="min-w-0">
              <h2 className="truncate text-lg font-semibold">{name}</h2>
              <p className="truncate text-sm text-stone-500">
                @{profile.user.username} · {profile.user.kind === 'guest' ? 'Guest' : 'Member'}
              </p>
            </div>
          </div>
          {profile.status && <p className="mt-4 text-sm text-stone-800">{profile.status}</p>}
          <dl className="mt-4 space-y-1.5 text-sm">
            {profile.online !== undefined && (
              <div className="flex gap-2">
                <dt className="w-28 shrink-0 text-stone-500">Presence</dt>
                <dd>{profile.online ? 'Online' : profile.lastSeenAt ? `Last seen ${formatAgo(profile.lastSeenAt)}` : 'Offline'}</dd>
              </div>
            )}
            {localTime && (
              <div className="flex gap-2">
                <dt className="w-28 shrink-0 text-stone-500">Local time</dt>
                <dd>
                  {localTime} <span className="text-stone-400">({profile.timeZone.replace(/_/g, ' ')})</span>
                </dd>
              </div>
            )}
            {!self && (
              <div className="flex gap-2">
                <dt className="w-28 shrink-0 text-stone-500">Rooms in common</dt>
                <dd className="min-w-0">
                  {profile.roomsInCommon.length === 0 ? (
                    <span className="text-stone-400">None</span>
                  ) : (
                    <ul className="flex flex-wrap gap-x-2">
                      {profile.roomsInCommon.map((room) => (
                        <li key={room.id}>
                          <a
                            href={roomPath(room.id)}
                            onClick={(e) => {
                              e.preventDefault();
                              close();
                              navigate(roomPath(room.id));
                            }}
                            className="text-orange-800 underline-offset-2 hover:underline"
                          >
                            {room.name}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            )}
          </dl>
          {problem && (
            <p role="alert" className="mt-4 text-sm text-red-700">
              {problem}
            </p>
          )}
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            {self ? (
              <Button
                variant="secondary"
                onClick={() => {
                  close();
                  navigate('/account');
                }}
              >
                Edit your profile
              </Button>
            ) : (
              <>
                <Button variant="danger" onClick={() => void act(() => setBlocked(userId, !blocked))}>
                  {blocked ? 'Unblock' : 'Block'}
                </Button>
                <Button disabled={blocked} onClick={() => void act(() => openDirect([userId]))}>
                  Message
                </Button>
              </>
            )}
          </div>
          {blocked && !self && (
            <p className="mt-3 text-xs text-stone-500">
              You block {profile.user.username}: they cannot write to you directly, and their messages are folded away.
            </p>
          )}
        </>
      )}
    </Modal>
  );
}
