import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  messagesStored: Counter;
  ackLatency: Histogram<'outcome'>;
  fanOut: Histogram;
  dbLatency: Histogram<'operation'>;
  redisErrors: Counter<'source'>;
  pushes: Counter<'outcome'>;
  digests: Counter;
}

/**
 * One registry per app (tests run several in one process). Default metrics bring process CPU,
 * memory, GC and nodejs_eventloop_lag_seconds; the rest are Hearth's own.
 */
export function createMetrics(connectedSockets: () => number): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  new Gauge({
    name: 'hearth_connected_sockets',
    help: 'Sockets connected to this process',
    registers,
    collect() {
      this.set(connectedSockets());
    },
  });
  return {
    registry,
    messagesStored: new Counter({
      name: 'hearth_messages_stored_total',
      help: 'Messages stored by this process (repeats excluded)',
      registers,
    }),
    ackLatency: new Histogram({
      name: 'hearth_message_ack_seconds',
      help: 'Time from receiving message:send to acknowledging it, by outcome (ok or an error code)',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    fanOut: new Histogram({
      name: 'hearth_message_fanout_members',
      help: "Members of the room per delivered message (the room's member count at send time, a proxy for sockets reached)",
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000],
      registers,
    }),
    dbLatency: new Histogram({
      name: 'hearth_db_operation_seconds',
      help: 'Duration of storage operations (one or more queries, or a transaction, queueing included), by store.method',
      labelNames: ['operation'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    redisErrors: new Counter({
      name: 'hearth_redis_errors_total',
      help: 'Redis connection errors, refused publishes and failed presence heartbeats, by source (client, adapter, publish, presence)',
      labelNames: ['source'],
      registers,
    }),
    pushes: new Counter({
      name: 'hearth_pushes_total',
      help: 'Web Push attempts by outcome (sent, gone: the subscription ended, retried, dropped after the last try)',
      labelNames: ['outcome'],
      registers,
    }),
    digests: new Counter({ name: 'hearth_digest_mails_total', help: 'Digest mails of missed mentions sent', registers }),
  };
}
