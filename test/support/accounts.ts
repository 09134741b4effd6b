import type { User } from '../../src/contract/types.js';
import { api, type ApiResult } from './hearth.js';

export interface Grant {
  user: User;
  token: string;
}

let counter = 0;
export const unique = (prefix: string): string => `${prefix}${process.pid}x${++counter}`;
export const goodPassword = 'correct horse battery staple';

export async function register(
  server: { url: string },
  fields: Partial<{ username: string; email: string; password: string }> = {},
  token?: string,
): Promise<ApiResult<Grant>> {
  const username = fields.username ?? unique('member');
  const body = { username, email: fields.email ?? `${username}@example.org`, password: fields.password ?? goodPassword };
  return api<Grant>(server, 'POST', '/api/auth/register', { body, token });
}

export async function registered(server: { url: string }, fields: Parameters<typeof register>[1] = {}): Promise<Grant & { email: string }> {
  const res = await register(server, fields);
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  const me = await api<{ email: string }>(server, 'GET', '/api/me', { token: res.body.token });
  return { ...res.body, email: me.body.email };
}

export function login(
  server: { url: string },
  loginName: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<ApiResult<Grant>> {
  return api<Grant>(server, 'POST', '/api/auth/login', { body: { login: loginName, password }, headers });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function timed<T>(work: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
