import type { MemberEvent } from '../../../contract/index.js';
import { navigate } from '../../router.js';
import { chat } from '../../store.js';
import { wasLeftHere } from '../commands.js';

export function onMemberLeft(event: MemberEvent): void {
  const { me, activeRoomId } = chat.getState();
  chat.dispatch({ type: 'member/changed', event, joined: false, at: new Date().toISOString() });
  // Left from another tab: this one stops showing the room.
  if (event.user.id === me?.id && activeRoomId === event.roomId && !wasLeftHere(event.roomId)) navigate('/');
}
