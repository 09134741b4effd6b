import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reading the mail Hearth sent during the tests (see mail-server.ts). */

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

const seen = new Set<string>();

/** The next mail to `to` not read before, within `timeoutMs`; polls the mail folder. */
export async function waitForMail(to: string, timeoutMs = 10_000): Promise<Mail> {
  const folder = process.env.HEARTH_E2E_MAIL_DIR;
  if (!folder) throw new Error('HEARTH_E2E_MAIL_DIR is not set: is e2e/support/global-setup.ts the globalSetup?');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.eml'))
      .sort()) {
      if (seen.has(name)) continue;
      const mail = parseMail(readFileSync(join(folder, name), 'latin1'));
      if (!mail.to.toLowerCase().includes(to.toLowerCase())) continue;
      seen.add(name);
      return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The password reset link in a mail: <PUBLIC_URL>/reset/<token>. */
export function resetLinkIn(mail: Mail): string {
  const link = /https?:\/\/[^\s"'<>]+\/reset\/[A-Za-z0-9_~.%-]+/.exec(mail.text)?.[0];
  if (link === undefined) throw new Error(`no reset link in the mail "${mail.subject}":\n${mail.text}`);
  return link;
}

/** Enough of RFC 822 and MIME for Hearth's mail: headers, single or multipart, QP or base64 bodies. */
export function parseMail(raw: string): Mail {
  const { headers, body } = splitEntity(raw);
  return { to: headers.get('to') ?? '', subject: headers.get('subject') ?? '', text: textOf(headers, body) };
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function textOf(headers: Map<string, string>, body: string): string {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1);
    return parts
      .map((part) => splitEntity(part.replace(/^\r?\n/, '')))
      .map((p) => textOf(p.headers, p.body))
      .join('\n');
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(body, 'latin1').toString('utf8');
}
