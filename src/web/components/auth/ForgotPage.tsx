import { type ReactElement, useState } from 'react';
import { passwordResetBody } from '../../../contract/index.js';
import * as accounts from '../../http/accounts.js';
import { check, required } from '../../lib/check.js';
import { useDocumentTitleText } from '../use-document-title.js';
import { ActionForm, AppLink, Button, ErrorText, Field, NoticeText } from '../ui.js';
import { AuthLayout, linkStyle } from './AuthLayout.js';
import { useAction } from './use-action.js';

/** /forgot: asks for the address and says the same thing whether or not it has an account. */
export function ForgotPage(): ReactElement {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const action = useAction();
  useDocumentTitleText('Reset your password · Hearth');

  const submit = (): Promise<void> =>
    action.run(async () => {
      required(email, 'Enter the email address of your account.');
      setSent(await accounts.requestPasswordReset(check(passwordResetBody, { email }).email));
    });

  return (
    <AuthLayout
      title={sent ? 'Check your email' : 'Forgot your password?'}
      lead={sent ? undefined : 'Enter the email address of your account and we will send you a link to set a new password.'}
      footer={
        <p>
          Remembered it?{' '}
          <AppLink href="/login" className={linkStyle}>
            Log in
          </AppLink>
        </p>
      }
    >
      {sent ? (
        <div className="space-y-4 text-sm text-stone-600">
          <NoticeText>{sent}</NoticeText>
          <p>The link works once, for one hour. Nothing after a few minutes? Check your spam folder, or try again.</p>
          <Button variant="secondary" className="w-full" onClick={() => setSent(null)}>
            Try again
          </Button>
        </div>
      ) : (
        <ActionForm onSubmit={submit}>
          <Field label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" autoFocus />
          <ErrorText>{action.error}</ErrorText>
          <Button type="submit" className="w-full" disabled={action.busy}>
            {action.busy ? 'Sending…' : 'Send reset link'}
          </Button>
        </ActionForm>
      )}
    </AuthLayout>
  );
}
