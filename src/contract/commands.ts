import type * as z from 'zod/mini';
import type { Ack } from './errors.js';
import {
  messageDeletePayload,
  messageEditPayload,
  messageReactPayload,
  messagePreviewRemovePayload,
  messageSendPayload,
  roomJoinPayload,
  roomLeavePayload,
  roomReadPayload,
  roomTypingPayload,
} from './schemas.js';
import type { Attention, Message, Room, User } from './types.js';

/**
 * Every client → server event, once: its payload schema here, its acknowledgement's result in
 * `CommandResults`. The Socket.IO event map, the server's handler table and the web client's emit
 * helper are all derived from these two, so a new event is one entry in each and the compiler
 * checks both ends.
 */
export const commands = {
  'room:join': roomJoinPayload,
  'room:leave': roomLeavePayload,
  'message:send': messageSendPayload,
  'message:edit': messageEditPayload,
  'message:delete': messageDeletePayload,
  'message:react': messageReactPayload,
  'message:remove_preview': messagePreviewRemovePayload,
  'room:read': roomReadPayload,
  'room:typing': roomTypingPayload,
} as const satisfies { [C in CommandName]: z.ZodMiniType };

/** A command without a schema, or a schema without a result, does not compile. */
export type CommandName = keyof CommandResults;

export interface CommandResults {
  /** `attention`: the caller's read state in the room (Hearth; after joining, a member's). */
  'room:join': { room: Room; online: User[]; messages: Message[]; hasMore: boolean; attention?: Attention };
  'room:leave': object;
  'message:send': { message: Message };
  'message:edit': { message: Message };
  'message:delete': { message: Message };
  /** A toggle: `on` tells whether the caller's reaction is there now. */
  'message:react': { message: Message; on: boolean };
  /** The author's: its link card is gone (told to the room as `message:updated`). */
  'message:remove_preview': { message: Message };
  'room:read': { attention: Attention };
  'room:typing': object;
}

/** What a client sends. */
export type CommandPayload<C extends CommandName> = z.input<(typeof commands)[C]>;
/** What the server's handler receives once the payload is parsed. */
export type CommandInput<C extends CommandName> = z.output<(typeof commands)[C]>;
export type CommandResult<C extends CommandName> = CommandResults[C];
export type CommandAck<C extends CommandName> = Ack<CommandResults[C]>;

export type ClientToServerEvents = {
  [C in CommandName]: (payload: CommandPayload<C>, ack: (res: CommandAck<C>) => void) => void;
};
