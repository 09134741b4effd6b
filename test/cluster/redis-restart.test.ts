import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/contract/types.js';
import { createRoom, enter, joinByCode, send } from '../support/chat.js';
import { clusterSuite, clusterUnavailable, type ClusterNode } from '../support/cluster.js';
import { connect, eventsNamed, guest, waitFor, type Client, type Guest } from '../support/hearth.js';
import { redisServerMissing, startPrivateRedis, type PrivateRedis } from '../support/redis-server.js';

const skip = (await clusterUnavailable()) !== undefined || redisServerMissing() !== undefined;

/**
 * A person as the web client behaves: reconnects at once when the server hangs up, catches up by
 * seq, resends until acknowledged. Unlike the web client it never catches up on a gap in live
 * delivery, so whatever live delivery drops must be made good by a hang-up and its catch-up.
 */
class Participant {
  private readonly clients: Client[] = [];
  private readonly caughtUp = new Map<number, Message>();
  private pending: Promise<Client> | undefined;
  readonly acked: Message[] = [];

  constructor(
    private readonly node: ClusterNode,
    private readonly who: Guest,
    private readonly roomId: string,
  ) {}

  /** Every message seen, live or by catching up, by seq. */
  get seen(): Map<number, Message> {
    const live = this.clients.flatMap((c) => eventsNamed<{ message: Message }>(c, 'message:created').map((e) => e.message));
    return new Map([...this.caughtUp, ...live.filter((m) => m.roomId === this.roomId).map((m) => [m.seq, m] as const)]);
  }

  /** The seqs up to `last` not seen yet. */
  missing(last: number): number[] {
    const seen = this.seen;
    return Array.from({ length: last }, (_, i) => i + 1).filter((seq) => !seen.has(seq));
  }

  /** Sockets opened so far: one more after each hang-up. */
  get connections(): number {
    return this.clients.length;
  }

  get live(): Client {
    return this.clients.at(-1)!;
  }

  /** The socket to send on, once it is connected and has caught up. */
  ready(): Promise<Client> {
    const live = this.clients.at(-1);
    if (live?.socket.connected && !this.pending) return Promise.resolve(live);
    this.pending ??= this.reconnect().finally(() => (this.pending = undefined));
    return this.pending;
  }

  async write(count: number, tag: string): Promise<void> {
    for (let i = 0; i < count; i++) {
      for (;;) {
        const ack = await this.ready()
          .then((client) => send(client, this.roomId, `${tag} ${i}`, `${tag}-${i}`))
          .catch(() => undefined);
        if (ack?.ok) {
          this.acked.push(ack.message);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50)); // a client's retry delay, not a wait for an event
      }
    }
  }

  close(): void {
    for (const client of this.clients) client.close();
  }

  private async reconnect(): Promise<Client> {
    for (;;) {
      const client = await connect(this.node, this.who.token);
      this.clients.push(client);
      client.socket.on('disconnect', (reason) => {
        if (reason === 'io server disconnect') void this.ready().catch(() => undefined);
      });
      try {
        await this.catchUp(client);
        return client;
      } catch (error) {
        if (client.socket.connected) throw error;
      }
    }
  }

  private async catchUp(client: Client): Promise<void> {
    for (;;) {
      const seen = this.seen;
      let after = 0;
      while (seen.has(after + 1)) after++;
      const page = await enter(client, this.roomId, after);
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      for (const m of page.messages) this.caughtUp.set(m.seq, m);
      if (!page.hasMore) return;
    }
  }
}

const liveTexts = (client: Client) => eventsNamed<{ message: Message }>(client, 'message:created').map((e) => e.message.text);

describe.skipIf(skip)('Redis restarting (and forgetting everything) during traffic', () => {
  let redis: PrivateRedis | undefined;
  const people: Participant[] = [];
  beforeAll(async () => void (redis = await startPrivateRedis()));
  afterAll(() => redis?.kill());
  const suite = clusterSuite('restart', {
    redisUrl: () => redis!.url,
    redis: { presenceHeartbeatMs: 200 },
    deps: { readinessIntervalMs: 100 },
  });
  afterAll(() => people.forEach((p) => p.close()));

  it('loses no acknowledged message, stores none twice, and delivery resumes with clients catching up', { timeout: 30_000 }, async () => {
    const [a, b] = [suite.nodes[0]!, suite.nodes[1]!];
    const ann = await guest(a);
    const bob = await guest(b);
    const room = await createRoom(a, ann, 'storm');
    await joinByCode(b, bob, room.code);
    people.push(new Participant(a, ann, room.id), new Participant(b, bob, room.id));
    const [onA, onB] = [people[0]!, people[1]!];
    await Promise.all(people.map((p) => p.ready()));

    const perPerson = 40;
    const writing = Promise.all(people.map((p, i) => p.write(perPerson, `p${i}`)));
    await waitFor(() => people.every((p) => p.acked.length >= 10), 'traffic under way', 10_000);
    await redis!.kill();
    await waitFor(() => !a.cluster.connected() && !b.cluster.connected(), 'both processes notice', 5_000);
    await redis!.start();
    await writing;

    const total = 2 * perPerson;
    const acked = people.flatMap((p) => p.acked);
    expect(acked.map((m) => m.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: total }, (_, i) => i + 1));

    // Once every connection to Redis is back, each process hangs up on its sockets: their clients
    // reconnect and catch up on what live delivery lost with the old Redis.
    await waitFor(() => people.every((p) => p.connections > 1), 'each process to hang up on its sockets', 10_000);
    const stored = new Map<number, Message>();
    const reader = await onA.ready();
    for (let page = await enter(reader, room.id, 0); page.ok; page = await enter(reader, room.id, stored.size)) {
      for (const m of page.messages) stored.set(m.seq, m);
      if (!page.hasMore) break;
    }
    expect(stored.size).toBe(total);
    for (const message of acked) expect(stored.get(message.seq)).toEqual(message);

    expect((await send(await onA.ready(), room.id, 'after the storm, from A')).ok).toBe(true);
    await waitFor(() => liveTexts(onB.live).includes('after the storm, from A'), 'live delivery A to B');
    expect((await send(await onB.ready(), room.id, 'after the storm, from B')).ok).toBe(true);
    await waitFor(() => liveTexts(onA.live).includes('after the storm, from B'), 'live delivery B to A');
    await waitFor(() => people.every((p) => p.missing(total + 2).length === 0), 'everyone to have seen every message').catch(
      () => undefined,
    );
    for (const person of people) expect(person.missing(total + 2)).toEqual([]);

    const entry = await enter(onB.live, room.id);
    expect(entry.ok && entry.online.map((u) => u.id).sort()).toEqual([ann.user.id, bob.user.id].sort());
  });
});
