import type { Histogram } from 'prom-client';
import { commands, type CommandInput, type CommandName, type CommandResult } from '../../contract/commands.js';
import type { ErrorBody } from '../../contract/errors.js';
import { DomainError } from '../core/shared/domain-error.js';
import type { RateLimiter, RateRule } from '../core/shared/ports.js';
import { enforceRate } from '../core/shared/rate-rules.js';
import type { Readiness } from '../ops/readiness.js';
import { badRequest, errorBodyOf } from '../transport/error-body.js';
import type { InFlight } from './in-flight.js';
import type { HearthSocket } from './types.js';

/** How the server answers one command; `commandHandlers` must hold one for every command. */
export interface CommandHandler<C extends CommandName> {
  run(socket: HearthSocket, input: CommandInput<C>): Promise<CommandResult<C>>;
  /** Counted per user before the payload is even parsed; message:send counts in its use case. */
  rule?: RateRule;
  /**
   * Never a false acknowledgement: with this sentence, the command is refused as UNAVAILABLE while
   * the process lacks its database or Redis, and a failure that a fresh readiness check explains
   * is UNAVAILABLE too, not INTERNAL, so the client knows to send again (with the same clientId)
   * rather than give up.
   */
  whenReady?: string;
  /** Times the command from its arrival to its acknowledgement, by outcome (ok or an error code). */
  latency?: Histogram<'outcome'>;
}

export type CommandHandlers = { [C in CommandName]: CommandHandler<C> };

export interface CommandContext {
  inFlight: InFlight;
  limiter: RateLimiter;
  onUnexpected: (error: unknown, event: string) => void;
  readiness: Readiness;
}

/**
 * Every client event takes this one path: count it against the user's rate rule, validate with
 * the contract's schema, wait for readiness where asked, run the handler, acknowledge. A malformed
 * payload gets BAD_REQUEST and changes nothing; an event without an acknowledgement callback is
 * ignored, since the protocol requires one.
 */
export function registerCommands(socket: HearthSocket, ctx: CommandContext, handlers: CommandHandlers): void {
  for (const name of Object.keys(commands) as CommandName[]) register(socket, ctx, name, handlers[name]);
}

function register<C extends CommandName>(socket: HearthSocket, ctx: CommandContext, name: C, handler: CommandHandler<C>): void {
  const schema = commands[name];
  const listener = (...args: unknown[]): void => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const stopTimer = handler.latency?.startTimer();
    const parseAndRun = (): Promise<CommandResult<C>> => {
      const parsed = schema.safeParse(args.length > 1 ? args[0] : undefined);
      if (!parsed.success) {
        const { message, details } = badRequest(parsed.error);
        return Promise.reject(new DomainError('BAD_REQUEST', message, { details }));
      }
      const input = parsed.data as CommandInput<C>;
      return handler.whenReady === undefined
        ? handler.run(socket, input)
        : runWhenReady(ctx.readiness, handler.whenReady, () => handler.run(socket, input));
    };
    // Without a rule (message:send, the hot path) nothing waits before the parse.
    const work = handler.rule ? enforceRate(ctx.limiter, handler.rule, socket.data.user.id).then(parseAndRun) : parseAndRun();
    void ctx.inFlight.track(
      work.then(
        (result) => {
          stopTimer?.({ outcome: 'ok' });
          (ack as (res: unknown) => void)({ ok: true, ...result });
        },
        (error: unknown) => {
          const body: ErrorBody = errorBodyOf(error);
          stopTimer?.({ outcome: body.code });
          if (body.code === 'INTERNAL') ctx.onUnexpected(error, name);
          (ack as (res: unknown) => void)({ ok: false, error: body });
        },
      ),
    );
  };
  // Socket.IO's typed `on` cannot follow a generic event name through its overloads; the listener
  // takes unknown arguments anyway, since nothing a client sends is trusted before the parse.
  socket.on(name as 'message:send', listener as never);
}

async function runWhenReady<R>(readiness: Readiness, sentence: string, run: () => Promise<R>): Promise<R> {
  const unavailable = () => new DomainError('UNAVAILABLE', sentence);
  if (!readiness.ready) throw unavailable();
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError) && !(await readiness.check()).ready) throw unavailable();
    throw error;
  }
}
