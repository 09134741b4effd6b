import type { z } from 'zod';
import type { ErrorBody } from '../../contract/errors.js';
import { DomainError } from '../core/shared/domain-error.js';
import type { RateLimiter, RateRule } from '../core/shared/ports.js';
import { enforceRate } from '../core/shared/rate-rules.js';
import { badRequest, errorBodyOf } from '../transport/error-body.js';
import type { Metrics } from '../ops/metrics.js';
import type { Readiness } from '../ops/readiness.js';
import type { InFlight } from './in-flight.js';
import type { HearthSocket } from './types.js';

type AckFn = (response: unknown) => void;

export interface EventContext {
  inFlight: InFlight;
  limiter: RateLimiter;
  onUnexpected: (error: unknown, event: string) => void;
  readiness: Readiness;
  metrics: Metrics;
}

/**
 * Every client event takes the same path: count it against the user's rate rule, validate with
 * the shared schema, run the use case, acknowledge. A malformed payload gets BAD_REQUEST and
 * changes nothing; an event without an acknowledgement callback is ignored, since the protocol
 * requires one.
 */
export function handleEvent<S extends z.ZodType, R extends object>(
  socket: HearthSocket,
  ctx: EventContext,
  event: string,
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
  /** Counted per user before the payload is even parsed; message:send counts in its use case. */
  rule?: RateRule,
): void {
  socket.on(
    event as never,
    ((...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack !== 'function') return;
      const reply = ack as AckFn;
      const parseAndRun = (): Promise<R> => {
        const parsed = schema.safeParse(args.length > 1 ? args[0] : undefined);
        if (parsed.success) return run(parsed.data);
        const { message, details } = badRequest(parsed.error);
        return Promise.reject(new DomainError('BAD_REQUEST', message, { details }));
      };
      // Without a rule (message:send, the hot path) nothing waits before the parse.
      const work = rule ? enforceRate(ctx.limiter, rule, socket.data.user.id).then(parseAndRun) : parseAndRun();
      void ctx.inFlight.track(
        work.then(
          (result) => reply({ ok: true, ...result }),
          (error: unknown) => {
            const body: ErrorBody = errorBodyOf(error);
            if (body.code === 'INTERNAL') ctx.onUnexpected(error, event);
            reply({ ok: false, error: body });
          },
        ),
      );
    }) as never,
  );
}
