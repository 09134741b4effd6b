import { type ReactElement, useState } from 'react';
import { loginBody } from '../../../contract/index.js';
import * as accounts from '../../http/accounts.js';
import { check, required } from '../../lib/check.js';
import { useNotice } from '../../notice.js';
import { enterAs, replacingSession } from '../../session.js';
import { useDocumentTitleText } from '../use-document-title.js';
import { ActionForm, AppLink, Button, ErrorText, Field } from '../ui.js';
import { AuthLayout, linkStyle } from './AuthLayout.js';
import { PasswordField } from './PasswordField.js';
import { useAction } from './use-action.js';

/** /login with a username or an e-mail address. Logging in always starts a new session. */
export function LoginPage(): ReactElement {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const notice = useNotice();
  const action = useAction();
  useDocumentTitleText('Log in · Hearth');

  const submit = (): Promise<void> =>
    action.run(async () => {
      required(login, 'Enter your username or email.');
      required(password, 'Enter your password.');
      const user = await replacingSession(() => accounts.login(check(loginBody, { login, password })));
      await enterAs(user);
    });

  return (
    <AuthLayout
      title="Log in to Hearth"
      lead="Welcome back. Your rooms are waiting."
      notice={notice}
      footer={
        <p>
          New here?{' '}
          <AppLink href="/signup" className={linkStyle}>
            Sign up
          </AppLink>{' '}
          or{' '}
          <AppLink href="/" className={linkStyle}>
            chat as a guest
          </AppLink>
        </p>
      }
    >
      <ActionForm onSubmit={submit}>
        <Field label="Username or email" value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" autoFocus />
        <div>
          <PasswordField label="Password" value={password} onChange={setPassword} autoComplete="current-password" />
          <p className="mt-1.5 text-right text-xs">
            <AppLink href="/forgot" className={linkStyle}>
              Forgot password?
            </AppLink>
          </p>
        </div>
        <ErrorText>{action.error}</ErrorText>
        <Button type="submit" className="w-full" disabled={action.busy}>
          {action.busy ? 'Logging in…' : 'Log in'}
        </Button>
      </ActionForm>
    </AuthLayout>
  );
}
