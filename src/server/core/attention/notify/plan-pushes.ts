import { excerptOf } from '../../../../contract/excerpt.js';
import type { Mention } from '../../../../contract/types.js';
import { callsFor, levelInEffect } from '../levels.js';
import type { NewDelivery, PushRecipient, WaitingMessage, WaitingRoom } from './ports.js';

/** What the service worker shows, and where a click takes the person. */
export interface PushPayload {
  title: string;
  body: string;
  roomId: string;
  messageId: string;
  seq: number;
  url: string;
}

/** At most this many browsers are pushed to for one message: the rest still see counts and mails. */
export const pushesPerMessageMax = 500;

/**
 * A push goes to a person away from Hearth (no socket open anywhere), who has not read the
 * message, whose level calls for it, who does not block its author. `@here` calls those present,
 * so it never pushes.
 */
export function planPushes(
  room: Pick<WaitingRoom, 'roomId' | 'name' | 'kind' | 'memberCount'>,
  messages: readonly WaitingMessage[],
  recipients: readonly PushRecipient[],
  away: (userId: string) => boolean,
  blocks: (userId: string, authorId: string) => boolean,
  make: { id: () => string; now: string; publicUrl: string },
): NewDelivery[] {
  const deliveries: NewDelivery[] = [];
  for (const message of messages) {
    if (message.deleted) continue;
    let count = 0;
    for (const person of recipients) {
      if (count >= pushesPerMessageMax) break;
      if (person.userId === message.authorId || person.readSeq >= message.seq || !away(person.userId)) continue;
      const level = levelInEffect(person.level, room.memberCount);
      if (!callsFor(level, person.muted, room.kind === 'direct' || callsThem(message.mentions, person.userId))) continue;
      if (blocks(person.userId, message.authorId)) continue;
      const payload = JSON.stringify(payloadFor(room, message, make.publicUrl));
      for (const endpoint of person.endpoints) {
        deliveries.push({
          id: make.id(),
          userId: person.userId,
          endpoint,
          roomId: room.roomId,
          messageId: message.id,
          payload,
          runAt: make.now,
        });
        count++;
      }
    }
  }
  return deliveries;
}

export function callsThem(mentions: readonly Mention[], userId: string): boolean {
  return mentions.some((m) => m.kind === 'room' || (m.kind === 'user' && m.id === userId));
}

function payloadFor(room: Pick<WaitingRoom, 'roomId' | 'name' | 'kind'>, message: WaitingMessage, publicUrl: string): PushPayload {
  const where = room.kind === 'direct' ? '' : ` in ${room.name}`;
  return {
    title: `${message.authorName}${where}`,
    body: excerptOf(message.text),
    roomId: room.roomId,
    messageId: message.id,
    seq: message.seq,
    url: `${publicUrl.replace(/\/$/, '')}/rooms/${encodeURIComponent(room.roomId)}?seq=${message.seq}`,
  };
}
