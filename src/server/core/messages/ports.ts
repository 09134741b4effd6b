import type { Author, LinkPreview, Mention, Message, MessagePage, ReplyRef } from '../../../contract/types.js';
import type { ReactionRecord } from './reactions.js';

/** What message use cases need from storage. */

export interface NewMessage {
  id: string;
  roomId: string;
  author: Author;
  text: string;
  clientId: string;
  createdAt: string;
  /** The answered message as it is now (the use case found it in the same room). */
  replyTo?: ReplyRef;
  /** Whom it mentions, as the message shows it (default none). */
  mentions?: readonly Mention[];
  /** Who is called by it, stored with it: user ids, or '*' for everyone in the room (default none). */
  mentioned?: readonly string[];
  /**
   * Files it carries, in order: the author's, uploaded to this room and not sent yet. They become
   * sent with it in the same transaction, which fails (`FilesTaken`) if one is not (any more). A
   * repeated clientId returns the original before the files are looked at.
   */
  attachmentIds?: readonly string[];
}

/** A change to a message, made by `by` (the answer's reactions are seen by them). */
export type MessageChange =
  /** `mentions`/`mentioned` as for a new message: the new text's, replacing the old text's. */
  | { kind: 'edit'; by: string; text: string; at: string; mentions?: readonly Mention[]; mentioned?: readonly string[] }
  | { kind: 'delete'; by: string; at: string }
  /** Adds `by`'s reaction, or takes it back if there; refused beyond `maxEmoji` distinct emoji. */
  | { kind: 'react'; by: string; emoji: string; maxEmoji: number }
  /** The link card, fetched after the message was stored (by: the author), or taken off (null). */
  | { kind: 'preview'; by: string; preview: LinkPreview | null };

/** An attached file was sent with another message or deleted while this one was being stored. */
export class FilesTaken extends Error {
  constructor() {
    super('A file was sent or deleted meanwhile');
    this.name = 'FilesTaken';
  }
}

export type ChangeOutcome =
  | { ok: true; message: Message; /** react only: whether the user's reaction is there now */ on?: boolean }
  | { ok: false; reason: 'not_found' | 'too_many_reactions' };

/**
 * Messages come back as `readerId` sees them: its own reactions marked `me` (without a reader,
 * none are).
 */
export interface MessageStore {
  /**
   * Durably stores the message with the room's next seq (gapless, in commit order) and its next
   * change position, and resolves once committed. Idempotent on (author, room, clientId): a repeat
   * resolves to the original message with created=false and stores nothing; the same clientId in
   * another room is another message. Appends to one room resolve in seq order.
   */
  appendMessage(message: NewMessage): Promise<{ message: Message; created: boolean }>;
  /**
   * Oldest first. before/after are exclusive seq bounds; around is a seq the page holds in its
   * middle (with `hasNewer`); without them, the newest page.
   */
  pageMessages(
    roomId: string,
    range: { before?: number; after?: number; around?: number; limit: number },
    readerId?: string,
  ): Promise<MessagePage>;
  /** The room's messages whose latest change is after `afterChange`, in change order, as they are now. */
  pageChanges(roomId: string, afterChange: number, limit: number, readerId?: string): Promise<MessagePage>;
  /** A message of the room, deleted ones included. */
  findMessage(roomId: string, messageId: string, readerId?: string): Promise<Message | undefined>;
  /** Who put each emoji on a message of the room; undefined for no such message. */
  reactionsOf(roomId: string, messageId: string): Promise<ReactionRecord[] | undefined>;
  /**
   * Applies the change and gives it the room's next change position, in one transaction under the
   * room's row lock, so concurrent changes in a room (from any process) get gapless positions in
   * commit order. A deleted message takes no more changes: `not_found`.
   */
  changeMessage(roomId: string, messageId: string, change: MessageChange): Promise<ChangeOutcome>;
}
