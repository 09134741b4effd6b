import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../core/accounts/ports.js';

/**
 * Without SMTP configured, mail is written as .eml files into the outbox folder and its links are
 * logged, so a password reset works on a laptop too.
 */
export function devOutbox(folder: string, from: string, log: FastifyBaseLogger, production = false): Mailer {
  let sequence = 0;
  if (production) {
    log.warn(
      { outbox: folder },
      'SMTP_URL is not set: password reset mail is NOT sent, it is written to the development outbox folder. Set SMTP_URL for a real deployment.',
    );
  }
  return {
    async send(mail) {
      await mkdir(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${++sequence}.eml`;
      const eml = [
        `From: ${from}`,
        `To: ${mail.to}`,
        `Subject: ${mail.subject}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        mail.text,
        '',
      ];
      await writeFile(join(folder, name), eml.join('\r\n'));
      const file = join(folder, name);
      // A reset link is a password: in production it is never in the logs an operator ships away.
      if (production) log.warn({ to: mail.to, file }, `dev outbox: "${mail.subject}" written to a file, not sent (set SMTP_URL)`);
      else
        log.info(
          { to: mail.to, file, links: mail.text.match(/https?:\/\/\S+/g) ?? [] },
          `dev outbox: "${mail.subject}" (set SMTP_URL to send real mail)`,
        );
    },
  };
}
