import type { PresenceEvent } from '../../../contract/index.js';
import { chat } from '../../store.js';

export function onPresence(event: PresenceEvent): void {
  chat.dispatch({ type: 'presence/changed', event });
}
