import { createContext, useContext } from 'react';

/** Scrolls the conversation to a message by seq, loading the history around it first when needed. */
export type JumpToMessage = (roomId: string, seq: number) => void;

export const JumpContext = createContext<JumpToMessage>(() => undefined);

export const useJumpToMessage = (): JumpToMessage => useContext(JumpContext);
