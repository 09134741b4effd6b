import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { ServerOptions } from 'socket.io';
import { PublishOrder } from './publish-order.js';
import type { Connection } from './recovery.js';
import type { RedisClient } from './scripts.js';

type Report = (source: string) => (error: unknown) => void;

export interface StreamAdapter {
  adapter: NonNullable<ServerOptions['adapter']>;
  /** Redis is back after an outage (recovery.ts). */
  recovered(): void;
  /** Stops the read loop first (on a closed client it would spin on its own rejections), then the clients. */
  close(): Promise<void>;
}

/**
 * The Socket.IO Redis Streams adapter, with what Hearth adds: its connections' errors and refused
 * publishes are reported, it closes at once, and message:created leaves in seq order across
 * processes (publish-order.ts).
 */
export function streamAdapter(client: RedisClient, prefix: string, report: Report, watch: (connection: Connection) => void): StreamAdapter {
  // The adapter reads and subscribes on duplicates of our client: keep them, to hear their errors,
  // to know when they are back after an outage, and to close them without waiting for a blocking
  // read to time out.
  const duplicates: Array<{ destroy(): void }> = [];
  const duplicate = client.duplicate.bind(client);
  client.duplicate = ((overrides) => {
    const copy = duplicate(overrides);
    copy.on('error', report('adapter'));
    watch(copy);
    duplicates.push(copy);
    return copy;
  }) as typeof client.duplicate;
  const create = createAdapter(client, { streamName: `${prefix}socket.io`, channelPrefix: `${prefix}socket.io` });
  const instances: Array<ReturnType<typeof create>> = [];
  const order = new PublishOrder();

  // A function, not an arrow: Socket.IO calls it with `new`.
  const adapter = function (nsp: unknown): ReturnType<typeof create> {
    const instance = create(nsp);
    instances.push(instance);
    const publish = instance.doPublish.bind(instance);
    instance.doPublish = (message) =>
      (publish(message) as Promise<unknown>).catch((error: unknown) => {
        report('publish')(error);
        throw error;
      });
    const broadcast = instance.broadcast.bind(instance);
    instance.broadcast = (packet: unknown, opts) => {
      const created = createdMessage(packet);
      if (!created) return broadcast(packet, opts);
      return new Promise<void>((resolve) => order.publish(created.roomId, created.seq, () => void broadcast(packet, opts).then(resolve)));
    };
    // onMessage is protected in the adapter's types; it is where another process's broadcasts arrive.
    const receiver = instance as unknown as { onMessage(message: unknown, offset?: string): void };
    const receive = receiver.onMessage.bind(instance);
    receiver.onMessage = (message, offset) => {
      receive(message, offset);
      const created = createdMessage(isRecord(message) && isRecord(message.data) ? message.data.packet : undefined);
      if (created) order.seen(created.roomId, created.seq);
    };
    return instance;
  };

  return {
    adapter,
    recovered: () => order.forget(),
    async close() {
      order.close();
      await Promise.all(instances.map((instance) => instance.close()));
      for (const copy of duplicates) copy.destroy();
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The room and seq of a message:created packet (`data` is [event, payload]); undefined for anything else. */
function createdMessage(packet: unknown): { roomId: string; seq: number } | undefined {
  if (!isRecord(packet) || !Array.isArray(packet.data) || packet.data[0] !== 'message:created') return undefined;
  const payload: unknown = packet.data[1];
  const message = isRecord(payload) ? payload.message : undefined;
  if (!isRecord(message) || typeof message.roomId !== 'string' || typeof message.seq !== 'number') return undefined;
  return { roomId: message.roomId, seq: message.seq };
}
