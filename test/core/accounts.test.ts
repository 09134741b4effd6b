import { describe, expect, it } from 'vitest';
import { changePassword, signOutEverywhere } from '../../src/server/core/accounts/account-settings.js';
import { logIn } from '../../src/server/core/accounts/log-in.js';
import { confirmPasswordReset, requestPasswordReset } from '../../src/server/core/accounts/password-reset.js';
import { registerAccount } from '../../src/server/core/accounts/register-account.js';
import { startGuestSession, userForToken } from '../../src/server/core/accounts/sessions.js';
import { fakeDeps, type Step, type Traces } from './fakes.js';

function setup() {
  const log: Step[] = [];
  const traces: Traces = { mails: [], background: [] };
  return { deps: fakeDeps(log, traces), log, traces };
}
const signUp = { username: 'Ann', email: 'ann@example.org', password: 'a long passphrase' };

describe('account rules', () => {
  it('a guest who registers keeps their id and loses their guest token', async () => {
    const { deps } = setup();
    const guest = await startGuestSession(deps, 'Ann', 'addr');
    const grant = await registerAccount(deps, signUp, guest.user, 'addr');
    expect(grant.user).toMatchObject({ id: guest.user.id, kind: 'admin' });
    expect(await userForToken(deps, guest.token)).toBeUndefined();
    expect(await userForToken(deps, grant.token)).toEqual(grant.user);
  });

  it('a reset request for an unknown address sends nothing and schedules nothing', async () => {
    const { deps, traces } = setup();
    await requestPasswordReset(deps, 'nobody@example.org', 'addr');
    expect(traces.background).toEqual([]);
  });

  it('a reset mail carries a link to the public address; the link works once and ends every session', async () => {
    const { deps, traces, log } = setup();
    const grant = await registerAccount(deps, signUp, undefined, 'addr');
    await requestPasswordReset(deps, 'ANN@example.org', 'addr');
    await Promise.all(traces.background);
    const token = /https:\/\/chat\.example\.org\/reset\/(\S+)/.exec(traces.mails[0]?.text ?? '')?.[1];
    expect(traces.mails[0]?.to).toBe('ann@example.org');
    await confirmPasswordReset(deps, token!, 'the new passphrase', 'addr');
    await expect(confirmPasswordReset(deps, token!, 'again passphrase', 'addr')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await userForToken(deps, grant.token)).toBeUndefined();
    expect(log).toContainEqual(['disconnectUser', grant.user.id]);
    await expect(logIn(deps, { login: 'ann', password: 'the new passphrase' }, 'addr')).resolves.toMatchObject({
      user: { id: grant.user.id },
    });
  });

  it('changing the password disconnects only the other sessions', async () => {
    const { deps, log } = setup();
    const grant = await registerAccount(deps, signUp, undefined, 'addr');
    const other = await logIn(deps, { login: 'Ann', password: signUp.password }, 'addr');
    log.length = 0;
    await changePassword(deps, grant.user, grant.token, signUp.password, 'the next passphrase');
    expect(log).toEqual([['disconnectSession', `hash:${other.token}`]]);
    expect(await userForToken(deps, grant.token)).toEqual(grant.user);
  });

  it('sign out everywhere ends all sessions', async () => {
    const { deps } = setup();
    const grant = await registerAccount(deps, signUp, undefined, 'addr');
    await signOutEverywhere(deps, grant.user);
    expect(await userForToken(deps, grant.token)).toBeUndefined();
  });
});
