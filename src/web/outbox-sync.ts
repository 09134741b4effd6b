import { outboxWriter, pendingOf, readOutbox } from './lib/outbox.js';
import { flushPending } from './realtime/commands.js';
import { connectedSocket } from './realtime/socket.js';
import { chat } from './store.js';

const write = outboxWriter();
let restoredFor: string | null = null;

// Every change of what is pending is mirrored to IndexedDB, once the outbox of that person is back.
chat.subscribe(() => {
  const me = chat.getState().me;
  if (me !== null && restoredFor === me.id) write(me.id, pendingOf(chat.getState()));
});

/** After the rooms are listed: puts back what was still unsent when the page closed, and sends it. */
export async function restoreOutbox(): Promise<void> {
  const me = chat.getState().me;
  if (me === null || restoredFor === me.id) return;
  const saved = await readOutbox(me.id).catch(() => []);
  if (chat.getState().me?.id !== me.id) return;
  for (const pending of saved) {
    // A failed one stays failed (the person decides); the others go out again.
    chat.dispatch({ type: 'message/sending', pending });
  }
  restoredFor = me.id;
  if (connectedSocket() !== null) flushPending();
}
