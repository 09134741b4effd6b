import type { NewMessage } from '../../core/messages/ports.js';
import type { AppendResult } from './message-rows.js';

type Append = (message: NewMessage) => Promise<AppendResult>;

/**
 * PostgreSQL runs transactions side by side over the pool, so two appends to one room could
 * resolve out of seq order. Within this process a room's appends run one after another; different
 * rooms proceed in parallel. Across processes the row lock on the room orders them.
 */
export function oneAtATimePerRoom(append: Append): Append {
  const tails = new Map<string, Promise<unknown>>();

  return (message) => {
    const previous = tails.get(message.roomId) ?? Promise.resolve();
    const result = previous.then(() => append(message));
    const tail = result.catch(() => undefined);
    tails.set(message.roomId, tail);
    void tail.then(() => {
      if (tails.get(message.roomId) === tail) tails.delete(message.roomId);
    });
    return result;
  };
}
