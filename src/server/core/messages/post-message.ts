import type { MessageSendPayload } from '../../../contract/schemas.js';
import type { Message, ReplyRef, User } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError } from '../shared/domain-error.js';
import { excerptOf } from '../../../contract/excerpt.js';
import { enforceRate } from '../shared/rate-rules.js';
import { roomVisibleTo } from '../rooms/room-access.js';
import { refuseIfBlockedConversation } from '../people/direct-rules.js';
import { resolveMentions } from '../attention/resolve-mentions.js';
import { FilesTaken, type NewMessage } from './ports.js';

type PostDeps = Pick<
  CoreDeps,
  | 'rooms'
  | 'messages'
  | 'broadcast'
  | 'ids'
  | 'clock'
  | 'limiter'
  | 'rateRules'
  | 'people'
  | 'attention'
  | 'presence'
  | 'notifySoon'
  | 'previewSoon'
>;

export interface PostedMessage {
  message: Message;
  /** false for a repeated clientId: the original is returned and nothing is delivered again. */
  created: boolean;
  /** The room's members when it was sent: whom the delivery is for. */
  memberCount: number;
}

/**
 * Stores the message durably, then delivers it to every member's sockets. A repeated clientId
 * returns the original and delivers nothing: the first send already did.
 */
export async function postMessage(deps: PostDeps, author: User, input: MessageSendPayload): Promise<PostedMessage> {
  const { room, member } = await roomVisibleTo(deps, input.roomId, author);
  if (!member) throw new DomainError('FORBIDDEN', 'Join the room before writing in it');
  // Rooms skip this at the cost of one comparison: only a one-to-one asks storage about blocks.
  if (room.kind === 'direct') await refuseIfBlockedConversation(deps, room, author);
  await enforceRate(deps.limiter, deps.rateRules.sendMessage, author.id);
  const replyTo = input.replyTo === undefined ? undefined : await answered(deps, input.roomId, input.replyTo);
  const { mentions, mentioned } = await resolveMentions(deps, room, author, input.text);
  const { message, created } = await appendOrExplain(deps, {
    id: deps.ids.newId(),
    roomId: input.roomId,
    author: author.avatar
      ? { id: author.id, username: author.username, avatar: author.avatar }
      : { id: author.id, username: author.username },
    text: input.text,
    clientId: input.clientId,
    createdAt: deps.clock.now().toISOString(),
    ...(replyTo ? { replyTo } : {}),
    mentions,
    mentioned,
    ...(input.attachments?.length ? { attachmentIds: input.attachments } : {}),
  });
  if (created) {
    deps.broadcast.toRoom(input.roomId, 'message:created', { message });
    deps.notifySoon(input.roomId);
    deps.previewSoon(message);
  }
  return { message, created, memberCount: room.memberCount };
}

async function appendOrExplain(deps: Pick<PostDeps, 'messages'>, message: NewMessage) {
  try {
    return await deps.messages.appendMessage(message);
  } catch (error) {
    if (error instanceof FilesTaken) throw new DomainError('NOT_FOUND', 'A file to send is not there any more: upload it again');
    throw error;
  }
}

/** A reply answers a message of the same room that is still there. */
async function answered(deps: Pick<PostDeps, 'messages'>, roomId: string, messageId: string): Promise<ReplyRef> {
  const original = await deps.messages.findMessage(roomId, messageId);
  if (!original || original.deletedAt !== null) throw new DomainError('NOT_FOUND', 'The message you answer is not there any more');
  return { id: original.id, seq: original.seq, author: original.author, excerpt: excerptOf(original.text), deleted: false };
}
