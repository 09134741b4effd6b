export type Probe = () => Promise<void>;

export interface Probes {
  /** A trivial query. */
  database: Probe;
  /** Absent on a single process without Redis. */
  redis?: Probe;
}

export type CheckState = 'ok' | 'failing' | 'absent';

export interface ReadinessReport {
  ready: boolean;
  checks: { database: CheckState; redis: CheckState };
}

/**
 * Whether this process can keep its promises: a message is acknowledged only once stored, so a
 * process whose database or Redis is gone must refuse sends (UNAVAILABLE) and say so on /readyz.
 * Probes run on a timer, so the gate on every send is a field read; a probe that hangs fails.
 */
export class Readiness {
  private last: ReadinessReport;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly probes: Probes,
    /** Checked on every call: a connection that is down right now. */
    private readonly connected: () => boolean = () => true,
    private readonly timeoutMs = 2_000,
  ) {
    this.last = { ready: true, checks: { database: 'ok', redis: probes.redis ? 'ok' : 'absent' } };
  }

  get ready(): boolean {
    return this.last.ready && this.connected();
  }

  async check(): Promise<ReadinessReport> {
    const absent: CheckState = 'absent';
    const [database, redis] = await Promise.all([this.run(this.probes.database), this.probes.redis ? this.run(this.probes.redis) : absent]);
    this.last = { ready: database === 'ok' && redis !== 'failing', checks: { database, redis } };
    return this.last;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async run(probe: Probe): Promise<'ok' | 'failing'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('probe timed out')), this.timeoutMs)));
    try {
      await Promise.race([probe(), timeout]);
      return 'ok';
    } catch {
      return 'failing';
    } finally {
      clearTimeout(timer);
    }
  }
}
