import type { Room } from '../../../contract/index.js';
import { chat } from '../../store.js';

/** A room's details changed (its owner made a new share code). */
export function onRoomUpdated({ room }: { room: Room }): void {
  chat.dispatch({ type: 'room/updated', room });
}
