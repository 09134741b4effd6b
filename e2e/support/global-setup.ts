import { startMailServer } from './mail-server.js';

/**
 * Starts the mail server before any test runs; the web server may already be up (Playwright starts
 * it first), which is fine: Hearth connects to SMTP only when a test asks for a reset mail.
 * Workers find the mail folder in HEARTH_E2E_MAIL_DIR.
 */
export default async function globalSetup(): Promise<void> {
  process.env.HEARTH_E2E_MAIL_DIR = await startMailServer();
}
