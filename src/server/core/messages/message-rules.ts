import type { Message, User } from '../../../contract/types.js';

export type MessageAction = 'edit' | 'delete';

/**
 * Who may do what to a message, in one place: today its author only. Moderators and owners
 * (the moderation issue) join here, and every handler asks this one function.
 */
export function mayChangeMessage(user: User, message: Message, _action: MessageAction): boolean {
  return message.author.id === user.id;
}
