/** What recovery needs of a Redis connection (a node-redis client has it). */
export interface Connection {
  readonly isReady: boolean;
  on(event: 'error' | 'ready', listener: () => void): unknown;
}

/**
 * Says when Redis is back for this process: once every connection it holds (the one for commands,
 * and the stream adapter's reader and subscriber) is ready again after any of them failed. Each
 * reconnects on its own schedule. Declared back when the first one is, the process would hang up
 * on its sockets while its reader was still away: their clients would catch up, then miss what was
 * published before the reader returned if it had read nothing yet (it resumes from "now").
 */
export class Recovery {
  private readonly connections: Connection[] = [];
  private lost = false;

  constructor(private readonly recovered: () => void) {}

  watch(connection: Connection): void {
    this.connections.push(connection);
    connection.on('error', () => (this.lost = true));
    connection.on('ready', () => this.settle());
  }

  private settle(): void {
    if (!this.lost || !this.connections.every((c) => c.isReady)) return;
    this.lost = false;
    this.recovered();
  }
}
