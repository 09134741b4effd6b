// Files the server hook (server-hook.mjs) writes on a signal: wait, bounded, until one is complete.
import { existsSync, readFileSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function readJsonWhenWritten(path, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      // still being written
    }
    if (performance.now() > deadline) throw new Error(`${path} was not written within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** Waits (bounded) until `path` exists and its size stops changing: a profile written in one go. */
export async function waitForFile(path, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  let last = -1;
  while (performance.now() < deadline) {
    if (existsSync(path)) {
      const size = readFileSync(path).length;
      if (size > 0 && size === last) return true;
      last = size;
    }
    await sleep(200);
  }
  return false;
}
