import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../core/ports.js';

/**
 * Without SMTP configured, mail is written as .eml files into the outbox folder and its links are
 * logged, so a password reset works on a laptop too.
 */
export function devOutbox(folder: string, from: string, log: FastifyBaseLogger): Mailer {
  let sequence = 0;
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
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      log.info({ to: mail.to, file: join(folder, name), links }, `dev outbox: "${mail.subject}" (set SMTP_URL to send real mail)`);
    },
  };
}
