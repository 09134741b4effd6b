import { describe, expect, it } from 'vitest';
import { api, startHearth } from '../support/hearth.js';
import { goodPassword, recordingMailer, registered } from '../support/accounts.js';

describe('the account routes guard the current password', () => {
  it('wrong current passwords are limited per account: the sixth try is 429, even with the right one', async () => {
    const server = await startHearth({ rateLimits: true });
    try {
      const account = await registered(server);
      const change = (currentPassword: string) =>
        api(server, 'POST', '/api/account/password', {
          token: account.token,
          body: { currentPassword, newPassword: 'another long passphrase' },
        });
      for (let i = 0; i < 5; i++) expect((await change(`wrong ${i}`)).status).toBe(403);
      expect((await change(goodPassword)).status).toBe(429);
      const email = await api(server, 'POST', '/api/account/email', {
        token: account.token,
        body: { email: 'x@example.org', password: 'wrong' },
      });
      expect(email.status).toBe(429);
    } finally {
      await server.stop();
    }
  });

  it('a reset link mailed before the password changed on the account page no longer works', async () => {
    const mailer = recordingMailer();
    const server = await startHearth({}, { mailer });
    try {
      const account = await registered(server);
      await api(server, 'POST', '/api/auth/password-reset', { body: { email: account.email } });
      await expect.poll(() => mailer.mails.length).toBe(1);
      const token = /\/reset\/(\S+)/.exec(mailer.mails[0]!.text)?.[1];
      const changed = await api(server, 'POST', '/api/account/password', {
        token: account.token,
        body: { currentPassword: goodPassword, newPassword: 'another long passphrase' },
      });
      expect(changed.status).toBe(204);
      const late = await api(server, 'POST', '/api/auth/password-reset/confirm', { body: { token, password: 'an attacker passphrase' } });
      expect(late.status).toBe(400);
    } finally {
      await server.stop();
    }
  });

  it('changing the e-mail address tells the old address, and only it', async () => {
    const mailer = recordingMailer();
    const server = await startHearth({}, { mailer });
    try {
      const account = await registered(server);
      const res = await api(server, 'POST', '/api/account/email', {
        token: account.token,
        body: { email: 'New.Home@example.org', password: goodPassword },
      });
      expect(res.status).toBe(200);
      await expect.poll(() => mailer.mails.length).toBe(1);
      expect(mailer.mails[0]).toMatchObject({ to: account.email, subject: expect.stringContaining('e-mail address was changed') });
      expect(mailer.mails[0]!.text).toContain('new.home@example.org');
    } finally {
      await server.stop();
    }
  });
});
