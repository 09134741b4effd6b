import { useSyncExternalStore } from 'react';
import { type ChatAction, chatReducer, initialChatState } from './state/chat-reducer.js';
import { createStore } from './state/store.js';
import type { ChatState } from './state/types.js';

export const chat = createStore<ChatState, ChatAction>(chatReducer, initialChatState);

export function useChat<T>(select: (state: ChatState) => T): T {
  return useSyncExternalStore(chat.subscribe, () => select(chat.getState()));
}
