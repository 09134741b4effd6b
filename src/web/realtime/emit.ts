import type { CommandAck, CommandName, CommandPayload, CommandResult, ErrorBody } from '../../contract/index.js';
import { connectedSocket, type HearthSocket } from './socket.js';

/** The one way this client sends a command: typed by the contract's command table. */

const ackTimeoutMs = 10_000;
export const noAnswer: ErrorBody = { code: 'UNAVAILABLE', message: 'The server did not answer. Try again.' };
const offline: ErrorBody = { code: 'UNAVAILABLE', message: 'Not connected to Hearth.' };

export class CommandError extends Error {
  constructor(readonly error: ErrorBody) {
    super(error.message);
  }
}

/** The acknowledgement, or null when none came in time (the socket dropped, or the server is slow). */
export function emitCommand<C extends CommandName>(
  socket: HearthSocket,
  name: C,
  payload: CommandPayload<C>,
): Promise<CommandAck<C> | null> {
  const timed = socket.timeout(ackTimeoutMs);
  // Socket.IO's typed emit cannot follow a generic event name through its overloads; the
  // signature below is the one the contract's event map gives every command.
  const emit = timed.emitWithAck.bind(timed) as unknown as (name: C, payload: CommandPayload<C>) => Promise<CommandAck<C>>;
  return emit(name, payload).catch(() => null);
}

/** Sends on the connected socket and resolves with the result; a refusal or silence is a CommandError. */
export async function runCommand<C extends CommandName>(name: C, payload: CommandPayload<C>): Promise<CommandResult<C>> {
  const socket = connectedSocket();
  if (socket === null) throw new CommandError(offline);
  const ack = await emitCommand(socket, name, payload);
  if (ack === null) throw new CommandError(noAnswer);
  if (!ack.ok) throw new CommandError(ack.error);
  return ack;
}
