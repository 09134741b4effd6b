import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, startHearth, waitFor } from '../support/hearth.js';
import { registered } from '../support/accounts.js';

async function withOutbox(production: boolean, check: (lines: string[], outbox: string) => Promise<void>): Promise<void> {
  const outbox = mkdtempSync(join(tmpdir(), 'hearth-outbox-'));
  const lines: string[] = [];
  const server = await startHearth(
    { production, logLevel: 'info', outboxDir: outbox },
    { logStream: { write: (line: string) => void lines.push(line) } },
  );
  try {
    const account = await registered(server);
    await api(server, 'POST', '/api/auth/password-reset', { body: { email: account.email } });
    await waitFor(() => readdirSync(outbox).length === 1 || undefined, 'the mail in the outbox');
    await check(lines, outbox);
  } finally {
    await server.stop();
    rmSync(outbox, { recursive: true, force: true });
  }
}

describe('reset mail without SMTP', () => {
  it('in production the server says loudly at start that mail goes to the outbox, and never logs the link', async () => {
    await withOutbox(true, async (lines) => {
      expect(lines.some((line) => line.includes('SMTP_URL is not set') && line.includes('"level":40'))).toBe(true);
      await waitFor(() => lines.some((line) => line.includes('written to a file, not sent')), 'the outbox line');
      expect(lines.join('')).not.toMatch(/\/reset\//);
    });
  });

  it('on a laptop the link is logged, so a reset works without mail', async () => {
    await withOutbox(false, async (lines) => {
      await waitFor(() => lines.some((line) => /\/reset\//.test(line)), 'the logged link');
      expect(lines.some((line) => line.includes('SMTP_URL is not set'))).toBe(false);
    });
  });
});
