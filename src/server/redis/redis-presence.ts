import { randomUUID } from 'node:crypto';
import type { PresenceChange, PresenceTracker } from '../core/presence/ports.js';
import { connectScript, disconnectScript, heartbeatScript, onlineScript, reapScript } from './presence-scripts.js';
import { asNumbers, asStrings, runScript, type RedisClient } from './scripts.js';

export interface RedisPresenceOptions {
  prefix: string;
  /** How often this process proves it is alive and sweeps dead ones; 0 turns the timer off (tests). */
  heartbeatMs: number;
  /** How long after its last heartbeat a process's sockets stop counting. */
  ttlMs: number;
  /** A heartbeat or sweep that failed (the timer has no caller to tell). */
  onError?: (error: unknown) => void;
}

/**
 * Presence shared by every process: "first socket connected" and "last socket disconnected" are
 * decided atomically in Redis over the user's sockets on all live processes (presence-scripts.ts).
 */
export class RedisPresence implements PresenceTracker {
  readonly pid = randomUUID();
  private readonly mine = new Map<string, string>();
  private readonly listeners: Array<(change: PresenceChange) => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private registered = false;

  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisPresenceOptions,
  ) {}

  /** Registers this process, then keeps its heartbeat going. */
  async start(): Promise<void> {
    await this.beat();
    if (this.options.heartbeatMs > 0) {
      let ticking: Promise<void> | undefined;
      // One tick at a time: while Redis is away they would pile up in the client's offline queue.
      const next = () =>
        (ticking ??= this.tick()
          .catch((error: unknown) => this.options.onError?.(error))
          .finally(() => (ticking = undefined)));
      this.timer = setInterval(() => void next(), this.options.heartbeatMs);
      this.timer.unref();
    }
  }

  async socketConnected(userId: string, socketId: string): Promise<boolean> {
    this.mine.set(socketId, userId);
    return (await this.connect(userId, socketId)) === 1;
  }

  async socketDisconnected(userId: string, socketId: string): Promise<boolean> {
    this.mine.delete(socketId);
    return (await this.disconnect(userId, socketId)) === 1;
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const flags = asNumbers(
      await runScript(
        this.client,
        onlineScript,
        userIds.map((id) => this.userKey(id)),
        [this.alivePrefix, this.pid],
      ),
    );
    return new Set(userIds.filter((_, i) => flags[i] === 1));
  }

  onChange(listener: (change: PresenceChange) => void): void {
    this.listeners.push(listener);
  }

  /** One heartbeat and one sweep; the timer calls this, tests may too. */
  async tick(): Promise<void> {
    await this.beat();
    await this.sweep();
  }

  /** A graceful stop: this process's sockets stop counting at once rather than at the TTL. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.client.del(this.aliveKey(this.pid));
    await this.reap(this.pid, '');
  }

  private connect(userId: string, socketId: string): Promise<number> {
    const keys = [this.userKey(userId), this.procKey(this.pid)];
    return runScript(this.client, connectScript, keys, [socketId, this.pid, userId, this.alivePrefix]).then(Number);
  }

  private disconnect(userId: string, socketId: string): Promise<number> {
    const keys = [this.userKey(userId), this.procKey(this.pid)];
    return runScript(this.client, disconnectScript, keys, [socketId, this.pid, this.alivePrefix]).then(Number);
  }

  private async beat(): Promise<void> {
    const keys = [this.procsKey, this.aliveKey(this.pid)];
    const lapsed = Number(await runScript(this.client, heartbeatScript, keys, [this.pid, String(this.options.ttlMs)])) === 1;
    // Redis lost our entries (a restart without persistence) or a sweeper took us for dead: put
    // our sockets back, announcing the users who had vanished.
    if (lapsed && this.registered) await this.restore();
    this.registered = true;
  }

  private async restore(): Promise<void> {
    const restored = async ([socketId, userId]: [string, string]) => {
      const count = await this.connect(userId, socketId);
      // It closed while being put back: take it out again, or it would count for ever.
      if (!this.mine.has(socketId)) await this.disconnect(userId, socketId);
      return { userId, count };
    };
    const counts = await Promise.all([...this.mine].map(restored));
    const back = new Set(counts.filter((c) => c.count === 1).map((c) => c.userId));
    if (back.size > 0) this.emit({ userIds: [...back], online: true });
  }

  private async sweep(): Promise<void> {
    const others = (await this.client.sMembers(this.procsKey)).filter((pid) => pid !== this.pid);
    const gone = new Set((await Promise.all(others.map((pid) => this.reap(pid, this.pid)))).flat());
    if (gone.size > 0) this.emit({ userIds: [...gone], online: false });
  }

  private async reap(pid: string, sweeper: string): Promise<string[]> {
    const keys = [this.procsKey, this.aliveKey(pid), this.procKey(pid)];
    return asStrings(await runScript(this.client, reapScript, keys, [pid, this.key('user:'), this.alivePrefix, sweeper]));
  }

  private emit(change: PresenceChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private key(suffix: string): string {
    return `${this.options.prefix}presence:${suffix}`;
  }
  private get procsKey(): string {
    return this.key('procs');
  }
  private get alivePrefix(): string {
    return this.key('alive:');
  }
  private aliveKey(pid: string): string {
    return this.alivePrefix + pid;
  }
  private procKey(pid: string): string {
    return this.key(`proc:${pid}`);
  }
  private userKey(userId: string): string {
    return this.key(`user:${userId}`);
  }
}
