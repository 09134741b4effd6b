import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { mailPort } from './e2e/support/mail-server.js';
import { serverCommand } from './e2e/support/server-command.js';

const port = Number(process.env.HEARTH_E2E_PORT ?? 3917);
// The config is evaluated again in each worker; the main process picks the database once, starts
// the web server on it, and removes it in the global teardown.
process.env.HEARTH_E2E_DB ??= join(tmpdir(), `hearth-e2e-${process.pid}-${Date.now()}.db`);
const database = process.env.HEARTH_E2E_DB;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  // The global setup starts the SMTP server the web server's mail goes to; the teardown stops it.
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  // Specs with three people in three browsers take over 30 s on a loaded 2-core machine when the
  // workers start together (measured: 32–45 s for the direct-message groups, 10 s run alone).
  timeout: 60_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 3,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    command: serverCommand(),
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${database}`,
      HEARTH_VAPID_FILE: `${database}.vapid.json`,
      HEARTH_FILES_DIR: `${database}.files`,
      // e2e/files.spec.ts serves a page on this machine for a link card.
      HEARTH_PREVIEW_PRIVATE: 'on',
      HEARTH_RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
      MAIL_FROM: 'hearth@localhost',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  },
});
