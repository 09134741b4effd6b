import type { MemberEvent } from '../../../contract/index.js';
import { chat } from '../../store.js';
import { refreshRooms } from '../../room-list.js';

export function onMemberJoined(event: MemberEvent): void {
  const state = chat.getState();
  // A membership begun elsewhere (another tab, an invite link) adds the room to the sidebar.
  if (state.rooms[event.roomId] === undefined) void refreshRooms([event.roomId]);
  chat.dispatch({ type: 'member/changed', event, joined: true, at: new Date().toISOString() });
}
