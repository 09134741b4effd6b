import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, startServer, waitHealthy } from './processes.mjs';

/**
 * The built server (dist/) on a free port with its data in `dir`, on core 0 when `pin`, and this
 * process moved to core 1: what the single-scenario benches (attention, uploads) start.
 */
export async function startBuiltServer({ root, dir, env, pin }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startServer({
    args: [join(root, 'dist/node/server/main.js')],
    env: {
      PORT: String(port),
      HEARTH_RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      HEARTH_VAPID_FILE: join(dir, 'vapid.json'),
      HEARTH_OUTBOX_DIR: join(dir, 'outbox'),
      HEARTH_FILES_DIR: join(dir, 'files'),
      ...env,
    },
    core: pin ? 0 : null,
    logPath: join(dir, 'server.log'),
    cwd: root,
  });
  await waitHealthy(`${url}/healthz`, server, 30_000);
  if (pin) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  return { url, server };
}
