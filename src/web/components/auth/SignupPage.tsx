import { type ReactElement, useState } from 'react';
import { limits, registerBody } from '../../../contract/index.js';
import * as accounts from '../../http/accounts.js';
import { check } from '../../lib/check.js';
import { enterAs, replacingSession } from '../../session.js';
import { useChat } from '../../store.js';
import { useDocumentTitleText } from '../use-document-title.js';
import { ActionForm, AppLink, Button, ErrorText, Field } from '../ui.js';
import { AuthLayout, linkStyle } from './AuthLayout.js';
import { PasswordField } from './PasswordField.js';
import { useAction } from './use-action.js';

/**
 * /signup. A guest keeps their name, rooms and messages: the same call upgrades the session's
 * guest (same user id) instead of making a new user.
 */
export function SignupPage(): ReactElement {
  const guest = useChat((s) => (s.me?.kind === 'guest' ? s.me : null));
  const [username, setUsername] = useState(guest?.username ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  useDocumentTitleText('Sign up · Hearth');

  const submit = (): Promise<void> =>
    action.run(async () => {
      const body = check(registerBody, { username, email, password });
      const user = await replacingSession(() => accounts.register(body));
      await enterAs(user);
    });

  return (
    <AuthLayout
      title={guest ? 'Keep your name' : 'Create your account'}
      lead={
        guest
          ? 'Add an email and a password. Your rooms and messages stay with you, and you can log in from any device.'
          : 'Your email is only for logging in and resetting your password.'
      }
      footer={
        <>
          <p>
            Already have an account?{' '}
            <AppLink href="/login" className={linkStyle}>
              Log in
            </AppLink>
          </p>
          <p>
            <AppLink href="/" className={linkStyle}>
              {guest ? 'Not now, back to my rooms' : 'Or chat as a guest, no account needed'}
            </AppLink>
          </p>
        </>
      }
    >
      <ActionForm onSubmit={submit}>
        <Field
          label="Username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          maxLength={limits.usernameMax}
          hint="The name others see. Letters, digits, spaces, dots, dashes and underscores."
          autoFocus={!guest}
        />
        <Field
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="email"
          autoFocus={!!guest}
        />
        <PasswordField label="Password" value={password} onChange={setPassword} autoComplete="new-password" />
        <ErrorText>{action.error}</ErrorText>
        <Button type="submit" className="w-full" disabled={action.busy}>
          {action.busy ? 'Signing up…' : 'Sign up'}
        </Button>
      </ActionForm>
    </AuthLayout>
  );
}
