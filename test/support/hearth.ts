import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/contract/events.js';
import type { User } from '../../src/contract/types.js';
import { buildApp, type AppDeps, type Hearth, type Stores } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/storage/database.js';
import { createStores } from '../../src/server/storage/stores.js';
import { dropSchema, testDatabaseUrl, throwawaySchemaName } from './postgres.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer extends Hearth {
  url: string;
  config: Config;
  /** The PostgreSQL schema it runs in (undefined on SQLite): another connection opens the same data. */
  schema: string | undefined;
  stop(): Promise<void>;
}

export type TestEngine = 'sqlite' | 'postgres';

/** A real Hearth on port 0 with its own SQLite file, or its own schema in the test PostgreSQL. */
export async function startHearth(
  overrides: Partial<Config> = {},
  deps: Omit<AppDeps, 'stores'> & { wrapStores?: (stores: Stores) => Stores } = {},
  engine: TestEngine = 'sqlite',
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-test-'));
  const schema = engine === 'postgres' ? throwawaySchemaName('hearth') : undefined;
  const base = loadConfig({ NODE_ENV: 'test', HEARTH_RATE_LIMITS: 'off' });
  const config = {
    ...base,
    vapid: { ...base.vapid, keysFile: join(dir, 'vapid-keys.json') },
    databaseUrl: schema ? testDatabaseUrl : `sqlite:${join(dir, 'hearth.db')}`,
    webRoot: join(dir, 'no-web'),
    shutdownGraceMs: 2_000,
    ...overrides,
    // Limits may be overridden; the files always live in this server's own folder.
    files: { ...base.files, ...overrides.files, dir: join(dir, 'files') },
  };
  const database = await openDatabase(config.databaseUrl, { schema });
  const { wrapStores = (stores: Stores) => stores, ...appDeps } = deps;
  const hearth = await buildApp(config, { ...appDeps, stores: wrapStores(createStores(database)) });
  await hearth.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = hearth.app.server.address() as AddressInfo;
  return {
    ...hearth,
    config,
    schema,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await hearth.app.close();
      await database.close();
      if (schema) await dropSchema(schema);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ApiResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = Record<string, unknown>>(
  server: { url: string },
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

let guestCounter = 0;
export interface Guest {
  user: User;
  token: string;
}

export async function guest(server: { url: string }, username = `guest${process.pid}x${++guestCounter}`): Promise<Guest> {
  const res = await api<Guest>(server, 'POST', '/api/auth/guest', { body: { username } });
  if (res.status !== 201) throw new Error(`guest ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A connected socket that records every event it receives. */
export interface Client {
  socket: ClientSocket;
  events: Array<{ event: string; data: unknown }>;
  close(): void;
}

export async function connect(server: { url: string }, token: string): Promise<Client> {
  const socket: ClientSocket = connectSocket(server.url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const events: Client['events'] = [];
  socket.onAny((event: string, data: unknown) => events.push({ event, data }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, events, close: () => socket.disconnect() };
}

/** Polls a condition on recorded state; resolves with its value or fails after timeoutMs. */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function eventsNamed<T>(client: Client, event: string): T[] {
  return client.events.filter((e) => e.event === event).map((e) => e.data as T);
}

/** waitFor with a probe that has to ask something (Redis, the database). */
export async function waitForAnswer(probe: () => Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
