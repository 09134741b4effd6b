// Child processes for the runner: pinning to a core, a free port, a server that logs to a file,
// waiting for health, and stopping for sure (SIGTERM, then SIGKILL after a grace period).
/* global AbortSignal -- Node's, and missing from the lint config's list */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const canPin = () => spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** [command, args] running `command args` on one core when `core` is a number. */
export function onCore(core, command, args) {
  // taskset execs the command, so the child's pid is the pid of the measured process itself.
  return core === null ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function startServer({ args, env, core, logPath, cwd }) {
  const log = openSync(logPath, 'a');
  const [command, argv] = onCore(core, process.execPath, args);
  const child = spawn(command, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  closeSync(log);
  let exit = null;
  child.once('exit', (code, signal) => (exit = signal ? `signal ${signal}` : `code ${code}`));
  return {
    pid: child.pid,
    exited: () => (child.exitCode ?? child.signalCode) !== null,
    exitStatus: () => exit,
    stop: () => stop(child),
    logTail: (lines = 30) => tail(logPath, lines),
  };
}

export async function waitHealthy(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited()) throw new Error(`server exited (${server.exitStatus()}) before answering ${url}\n${server.logTail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms\n${server.logTail()}`);
}

export async function stop(child, graceMs = 5000) {
  if ((child.exitCode ?? child.signalCode) !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(force);
}

/** Runs a child to completion, collecting stdout; kills it if it outlives timeoutMs. */
export function runToEnd({ command, args, cwd, timeoutMs, onSpawn = () => {} }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    onSpawn(child);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`load generator exited with ${signal ?? code}`));
    });
  });
}

function tail(path, lines) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}
