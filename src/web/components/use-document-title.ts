import { useEffect } from 'react';
import type { ChatState } from '../state/types.js';
import { useChat } from '../store.js';
import { roomTitle } from '../lib/room-title.js';

/** "(3) Kitchen · Hearth": the tab shows the open room and how much is unread (a muted room's mentions only). */
export function titleOf(state: ChatState): string {
  const unread = state.myRoomIds.reduce((sum, id) => {
    const attention = state.rooms[id]?.attention;
    return sum + (attention ? (attention.muted ? attention.mentions : attention.unread) : 0);
  }, 0);
  const active = state.activeRoomId === null ? undefined : state.rooms[state.activeRoomId]?.room;
  const room = active && roomTitle(active, state.me?.id);
  return `${unread > 0 ? `(${unread}) ` : ''}${room ? `${room} · ` : ''}Hearth`;
}

export function useDocumentTitle(): void {
  const title = useChat(titleOf);
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = 'Hearth';
    };
  }, [title]);
}

/** A fixed title for a page outside the chat ("Log in · Hearth"). */
export function useDocumentTitleText(title: string): void {
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = 'Hearth';
    };
  }, [title]);
}
