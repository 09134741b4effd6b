import { afterAll, beforeAll } from 'vitest';
import { connect, startHearth, type Client, type TestEngine, type TestServer } from './hearth.js';

export interface Suite {
  readonly server: TestServer;
  /** A connected socket, closed when the suite ends. */
  open(token: string): Promise<Client>;
}

/** One Hearth per test file, started before its tests and stopped after them with its sockets. */
export function hearthSuite(engine: TestEngine = 'sqlite'): Suite {
  let server: TestServer | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startHearth({}, {}, engine);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the suite has not started yet');
      return server;
    },
    async open(token) {
      const client = await connect(this.server, token);
      clients.push(client);
      return client;
    },
  };
}
