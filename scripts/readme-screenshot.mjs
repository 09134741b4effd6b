#!/usr/bin/env node
// Takes the README's screenshot (docs/screenshot.png): a fresh Hearth, three people, a short
// conversation, seen by one of them at 1280×800. Needs `npm run build` and /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { io } from 'socket.io-client';

const port = 3931;
const url = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), 'hearth-shot-'));
const server = spawn('node', ['dist/node/server/main.js'], {
  env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'h.db')}`, LOG_LEVEL: 'warn' },
  stdio: 'inherit',
});
try {
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 100));
  const post = async (path, body, token) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const people = {};
  for (const name of ['Maya', 'Tom', 'Zoe']) people[name] = await post('/api/auth/guest', { username: name });
  const { room } = await post('/api/rooms', { name: 'Book club', topic: 'One chapter a week' }, people.Maya.token);
  await post('/api/rooms', { name: 'Garden', topic: '' }, people.Tom.token);
  await post('/api/rooms', { name: 'Weekend hikes', topic: '' }, people.Maya.token);
  for (const name of ['Tom', 'Zoe']) await post('/api/rooms/join', { code: room.code }, people[name].token);
  const lines = [
    ['Maya', 'Has everyone finished chapter 12?'],
    ['Tom', 'Almost, two pages left. No spoilers please!'],
    ['Zoe', 'Finished last night. That twist with the lighthouse keeper!\nStill thinking about it.'],
    ['Maya', 'Right?? I did not see it coming.'],
    ['Tom', 'Done. Wow. Shall we meet on Thursday to talk it through?'],
  ];
  for (const [i, [name, text]] of lines.entries()) {
    const socket = io(url, { auth: { token: people[name].token }, transports: ['websocket'] });
    await socket.timeout(5000).emitWithAck('message:send', { roomId: room.id, text, clientId: `shot-${i}` });
    socket.disconnect();
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: 'hearth_session', value: people.Zoe.token, url }]);
  const stay = io(url, { auth: { token: people.Tom.token }, transports: ['websocket'] });
  const page = await context.newPage();
  await page.goto(`${url}/rooms/${room.id}`);
  await page.getByText('Shall we meet on Thursday', { exact: false }).waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshot.png' });
  stay.disconnect();
  await browser.close();
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
