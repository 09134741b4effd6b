import nodemailer from 'nodemailer';
import type { Mailer } from '../core/accounts/ports.js';

/** Mail through the operator's SMTP server: SMTP_URL is `smtp://user:pass@host:port` (smtps:// for TLS). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
