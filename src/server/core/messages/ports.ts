import type { Message, MessagePage } from '../../../contract/types.js';

/** What message use cases need from storage. */

export interface NewMessage {
  id: string;
  roomId: string;
  author: { id: string; username: string };
  text: string;
  clientId: string;
  createdAt: string;
}

export interface MessageStore {
  /**
   * Durably stores the message with the room's next seq (gapless, in commit order) and resolves
   * once committed. Idempotent on (author, room, clientId): a repeat resolves to the original
   * message with created=false and stores nothing; the same clientId in another room is another
   * message. Appends to one room resolve in seq order.
   */
  appendMessage(message: NewMessage): Promise<{ message: Message; created: boolean }>;
  /** Oldest first. before/after are exclusive seq bounds; without them, the newest page. */
  pageMessages(roomId: string, range: { before?: number; after?: number; limit: number }): Promise<MessagePage>;
}
