import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** The SMTP server the e2e Hearth sends its mail to (SMTP_URL in playwright.config.ts). */
export const mailPort = Number(process.env.HEARTH_E2E_SMTP_PORT ?? 3926);

interface RunningMailServer {
  server: SMTPServer;
  folder: string;
}

// Global setup and teardown are loaded as separate modules: the running server is handed over on globalThis.
const slot = Symbol.for('hearth.e2e.mailServer');
const shared = globalThis as unknown as Record<symbol, RunningMailServer | undefined>;

/** Accepts every message, no auth, no TLS, and writes each one (raw RFC 822) into a fresh folder. */
export async function startMailServer(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'hearth-e2e-mail-'));
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        // Written under another name first, so a reader never sees half a message.
        const name = `${Date.now()}-${++sequence}`;
        writeFileSync(join(folder, `${name}.part`), Buffer.concat(chunks));
        renameSync(join(folder, `${name}.part`), join(folder, `${name}.eml`));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    server.listen(mailPort, '127.0.0.1', () => resolve());
  });
  shared[slot] = { server, folder };
  return folder;
}

export async function stopMailServer(): Promise<void> {
  const running = shared[slot];
  shared[slot] = undefined;
  if (running === undefined) return;
  await new Promise<void>((resolve) => running.server.close(() => resolve()));
  rmSync(running.folder, { recursive: true, force: true });
}
