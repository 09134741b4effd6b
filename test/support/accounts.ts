import type { User } from '../../src/contract/types.js';
import { expect } from 'vitest';
import type { Mail } from '../../src/server/core/accounts/ports.js';
import { api, waitFor, type ApiResult } from './hearth.js';

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

/** A mailer that keeps what it sends, for tests that follow a mailed link. */
export function recordingMailer(): { mails: Mail[]; send(mail: Mail): Promise<void> } {
  const mails: Mail[] = [];
  return { mails, send: async (mail) => void mails.push(mail) };
}

/** The whole reset flow through the API: request, the link from the mail, confirm. */
export async function resetPassword(server: { url: string }, mailer: { mails: Mail[] }, email: string, password: string): Promise<void> {
  const before = mailer.mails.length;
  expect((await api(server, 'POST', '/api/auth/password-reset', { body: { email } })).status).toBe(202);
  const mail = await waitFor(() => mailer.mails.slice(before).find((m) => m.to === email.toLowerCase()), `reset mail to ${email}`);
  const token = /\/reset\/(\S+)/.exec(mail.text)?.[1];
  const res = await api(server, 'POST', '/api/auth/password-reset/confirm', { body: { token, password } });
  expect(res.status).toBe(204);
}
