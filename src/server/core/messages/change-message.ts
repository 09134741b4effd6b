import { limits } from '../../../contract/limits.js';
import type {
  MessageDeletePayload,
  MessageEditPayload,
  MessagePreviewRemovePayload,
  MessageReactPayload,
} from '../../../contract/schemas.js';
import { sweepFiles } from '../files/sweep-files.js';
import { firstLink } from '../../../contract/links.js';
import type { Message, Room, User } from '../../../contract/types.js';
import { refuseIfBlockedConversation } from '../people/direct-rules.js';
import { resolveMentions } from '../attention/resolve-mentions.js';
import { pushNewMentions } from '../attention/notify/hand-out.js';
import { roomVisibleTo } from '../rooms/room-access.js';
import type { CoreDeps } from '../shared/deps.js';
import { DomainError, notFound } from '../shared/domain-error.js';
import { mayChangeMessage, type MessageAction } from './message-rules.js';
import type { ChangeOutcome, MessageChange } from './ports.js';

type ChangeDeps = Pick<CoreDeps, 'rooms' | 'messages' | 'broadcast' | 'clock' | 'people' | 'attention' | 'presence'>;
type DeleteDeps = ChangeDeps & Pick<CoreDeps, 'files' | 'blobs' | 'background'>;
type EditDeps = ChangeDeps & Pick<CoreDeps, 'notify' | 'ids' | 'publicUrl' | 'background' | 'notifySoon' | 'previewSoon'>;

/**
 * Only a member changes anything in a room, and only a message that is still there: a member who
 * left can neither change nor (through the change) read what the room says now. Edits and
 * reactions are writing, which a block closes in a one-to-one; taking one's words back is not.
 */
async function changeableMessage(
  deps: ChangeDeps,
  user: User,
  roomId: string,
  messageId: string,
  writes: boolean,
): Promise<{ room: Room; message: Message }> {
  const { room, member } = await roomVisibleTo(deps, roomId, user);
  if (!member) throw new DomainError('FORBIDDEN', 'Join the room first');
  if (writes) await refuseIfBlockedConversation(deps, room, user);
  const message = await deps.messages.findMessage(roomId, messageId, user.id);
  if (!message || message.deletedAt !== null) throw notFound('Message');
  return { room, message };
}

function mustMay(user: User, message: Message, action: MessageAction): void {
  if (!mayChangeMessage(user, message, action)) throw new DomainError('FORBIDDEN', `Only its author can ${action} a message`);
}

function applied(outcome: ChangeOutcome): Extract<ChangeOutcome, { ok: true }> {
  if (outcome.ok) return outcome;
  if (outcome.reason === 'too_many_reactions') {
    throw new DomainError('CONFLICT', `A message takes at most ${limits.reactionsPerMessageMax} different reactions`);
  }
  throw notFound('Message');
}

async function change(deps: ChangeDeps, roomId: string, messageId: string, what: MessageChange) {
  return applied(await deps.messages.changeMessage(roomId, messageId, what));
}

/** Everyone in the room sees the new text and that it was edited; the same text changes nothing. */
export async function editMessage(deps: EditDeps, user: User, input: MessageEditPayload): Promise<Message> {
  const { room, message: current } = await changeableMessage(deps, user, input.roomId, input.messageId, true);
  mustMay(user, current, 'edit');
  if (current.text === input.text) return current;
  const { mentions, mentioned } = await resolveMentions(deps, room, user, input.text);
  let { message } = await change(deps, input.roomId, input.messageId, {
    kind: 'edit',
    by: user.id,
    text: input.text,
    at: deps.clock.now().toISOString(),
    mentions,
    mentioned,
  });
  // A card for a link the text no longer has goes; the new first link (if any) gets its own.
  const link = firstLink(input.text);
  if (message.preview && message.preview.url !== link) {
    ({ message } = await change(deps, input.roomId, input.messageId, { kind: 'preview', by: user.id, preview: null }));
  }
  deps.broadcast.toRoom(input.roomId, 'message:updated', { message, by: user.id });
  if (link && message.preview?.url !== link) deps.previewSoon(message);
  // Someone the new text names who was not named before is called once, after the answer.
  const before = new Set(current.mentions.flatMap((m) => (m.kind === 'user' ? [m.id] : [])));
  const newlyCalled = mentioned.filter((id) => id !== '*' && !before.has(id));
  if (newlyCalled.length > 0) deps.background(pushNewMentions(deps, user, message, newlyCalled), 'pushing mentions added by an edit');
  return message;
}

/** The text is gone from the database; the message stays as a placeholder that replies point to. */
export async function deleteMessage(deps: DeleteDeps, user: User, input: MessageDeletePayload): Promise<Message> {
  const { message: current } = await changeableMessage(deps, user, input.roomId, input.messageId, false);
  mustMay(user, current, 'delete');
  const { message } = await change(deps, input.roomId, input.messageId, {
    kind: 'delete',
    by: user.id,
    at: deps.clock.now().toISOString(),
  });
  deps.broadcast.toRoom(input.roomId, 'message:deleted', { message });
  // Its files were marked deleted with it (no one can open them now); their bytes go next.
  if (current.attachments.length > 0) deps.background(sweepFiles(deps, { abandonUnsent: false }), "removing a deleted message's files");
  return message;
}

/** The author takes the link card off their message; it is not fetched again (an edit may bring a new one). */
export async function removePreview(deps: ChangeDeps, user: User, input: MessagePreviewRemovePayload): Promise<Message> {
  const { message: current } = await changeableMessage(deps, user, input.roomId, input.messageId, false);
  mustMay(user, current, 'edit');
  if (current.preview === null) return current;
  const { message } = await change(deps, input.roomId, input.messageId, { kind: 'preview', by: user.id, preview: null });
  deps.broadcast.toRoom(input.roomId, 'message:updated', { message, by: user.id });
  return message;
}

/** Toggles the caller's reaction; any member may react to any message of the room. */
export async function reactToMessage(deps: ChangeDeps, user: User, input: MessageReactPayload): Promise<{ message: Message; on: boolean }> {
  await changeableMessage(deps, user, input.roomId, input.messageId, true);
  const { message, on } = await change(deps, input.roomId, input.messageId, {
    kind: 'react',
    by: user.id,
    emoji: input.emoji,
    maxEmoji: limits.reactionsPerMessageMax,
  });
  deps.broadcast.toRoom(input.roomId, 'message:reactions', { message, by: user.id });
  return { message, on: on ?? false };
}
