import { limits } from '../../../contract/limits.js';
import type { NotifyLevel } from '../../../contract/types.js';
import type { ChosenLevel } from './ports.js';

/** A room over `quietRoomSize` members calls only for mentions unless one chose otherwise. */
export function levelInEffect(chosen: ChosenLevel, memberCount: number): NotifyLevel {
  if (chosen !== 'default') return chosen;
  return memberCount > limits.quietRoomSize ? 'mentions' : 'all';
}

/** Whether a message calls the member out loud (a push, a desktop notification, a mail). */
export function callsFor(level: NotifyLevel, muted: boolean, mentionsThem: boolean): boolean {
  if (muted || level === 'nothing') return false;
  return level === 'all' || mentionsThem;
}
