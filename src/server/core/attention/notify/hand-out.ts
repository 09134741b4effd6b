import type { Message, User } from '../../../../contract/types.js';
import type { CoreDeps } from '../../shared/deps.js';
import { planPushes } from './plan-pushes.js';
import type { PushRecipient } from './ports.js';

type HandOutDeps = Pick<CoreDeps, 'notify' | 'presence' | 'people' | 'ids' | 'clock' | 'publicUrl' | 'notifySoon'>;

/** Messages of one room handed out per step: a busy room cannot hold up the others for long. */
export const messagesPerStep = 50;

async function blocksAmongThem(deps: HandOutDeps, recipients: readonly PushRecipient[], authorIds: readonly string[]) {
  if (recipients.length === 0) return () => false;
  const blocks = await deps.people.blocksAmong([...new Set([...authorIds, ...recipients.map((r) => r.userId)])]);
  const pairs = new Set(blocks.map((b) => `${b.blockerId}\u0000${b.blockedId}`));
  return (userId: string, authorId: string) => pairs.has(`${userId}\u0000${authorId}`);
}

async function awayAmong(deps: HandOutDeps, recipients: readonly PushRecipient[]) {
  const online = recipients.length === 0 ? new Set<string>() : await deps.presence.onlineAmong(recipients.map((r) => r.userId));
  return (userId: string) => !online.has(userId);
}

/**
 * Hands out the next messages of a room: decides who is pushed to and stores those deliveries
 * while moving the room's notified seq, in one transaction that only one process can make.
 * Returns whether more may be waiting.
 */
export async function handOutRoom(deps: HandOutDeps, roomId: string): Promise<boolean> {
  const waiting = await deps.notify.readWaiting(roomId, messagesPerStep);
  if (!waiting) return false;
  // Nobody in the room has a browser subscribed: nothing to write now; the next full round moves
  // every such room's position at once (skipQuietRooms), so a busy quiet room costs no write per message.
  if (waiting.recipients.length === 0) return false;
  const last = waiting.messages.at(-1);
  if (!last) return false;
  const [away, blocks] = await Promise.all([
    awayAmong(deps, waiting.recipients),
    blocksAmongThem(
      deps,
      waiting.recipients,
      waiting.messages.map((m) => m.authorId),
    ),
  ]);
  const now = deps.clock.now().toISOString();
  const deliveries = planPushes(waiting, waiting.messages, waiting.recipients, away, blocks, {
    id: () => deps.ids.newId(),
    now,
    publicUrl: deps.publicUrl,
  });
  const moved = await deps.notify.handOut(roomId, waiting.notifiedSeq, last.seq, deliveries);
  return moved && waiting.messages.length === messagesPerStep;
}

/**
 * Every room with messages waiting (or only these rooms: the ones just written in), a step each,
 * until none wait or `maxSteps` were taken.
 */
export async function drainNotifications(deps: HandOutDeps, only?: ReadonlySet<string>, maxSteps = 200): Promise<number> {
  let steps = 0;
  const pending = only ? [...only] : undefined;
  if (!pending) await deps.notify.skipQuietRooms();
  for (;;) {
    const rooms = pending ? pending.splice(0) : await deps.notify.roomsWaiting(50);
    if (rooms.length === 0) return steps;
    for (const roomId of rooms) {
      const more = await handOutRoom(deps, roomId);
      if (more && pending) pending.push(roomId);
      if (++steps >= maxSteps) return steps;
    }
  }
}

/**
 * An edit that adds mentions calls the newly mentioned once (the message itself was handed out
 * when it was sent).
 */
export async function pushNewMentions(
  deps: HandOutDeps & Pick<CoreDeps, 'rooms'>,
  editor: User,
  message: Message,
  newlyCalled: readonly string[],
): Promise<void> {
  const ids = newlyCalled.filter((id) => id !== '*' && id !== editor.id);
  if (ids.length === 0) return;
  const room = await deps.rooms.findRoomById(message.roomId);
  if (!room) return;
  const recipients = await deps.notify.recipientsAmong(message.roomId, ids);
  const [away, blocks] = await Promise.all([awayAmong(deps, recipients), blocksAmongThem(deps, recipients, [editor.id])]);
  const waiting = {
    id: message.id,
    seq: message.seq,
    authorId: message.author.id,
    authorName: message.author.username,
    text: message.text,
    mentions: message.mentions,
    deleted: false,
  };
  const deliveries = planPushes(
    { roomId: room.id, name: room.name, kind: room.kind, memberCount: room.memberCount },
    [waiting],
    recipients,
    away,
    blocks,
    {
      id: () => deps.ids.newId(),
      now: deps.clock.now().toISOString(),
      publicUrl: deps.publicUrl,
    },
  );
  await deps.notify.addDeliveries(deliveries);
  if (deliveries.length > 0) deps.notifySoon();
}
