import { type ReactElement, useState } from 'react';
import { passwordResetConfirmBody } from '../../../contract/index.js';
import * as accounts from '../../http/accounts.js';
import { check, InputError } from '../../lib/check.js';
import { endSession, replacingSession } from '../../session.js';
import { useDocumentTitleText } from '../use-document-title.js';
import { ActionForm, AppLink, Button, ErrorText } from '../ui.js';
import { AuthLayout, linkStyle } from './AuthLayout.js';
import { PasswordField } from './PasswordField.js';
import { useAction } from './use-action.js';

export const passwordChangedNotice = 'Password changed: log in with your new password';
const invalidLink = 'This reset link is invalid or has expired';

/** /reset/<token>, the link in the mail. A reset ends every session, this browser's included. */
export function ResetPage({ token }: { token: string }): ReactElement {
  const [password, setPassword] = useState('');
  const action = useAction();
  useDocumentTitleText('Set a new password · Hearth');

  const submit = (): Promise<void> =>
    action.run(async () => {
      if (!passwordResetConfirmBody.shape.token.safeParse(token).success) throw new InputError(invalidLink);
      const body = check(passwordResetConfirmBody, { token, password });
      await replacingSession(() => accounts.confirmPasswordReset(body.token, body.password));
      endSession({ to: '/login', notice: passwordChangedNotice });
    });

  return (
    <AuthLayout
      title="Set a new password"
      lead="Choose a new password for your account. You will be logged out everywhere, then log in with it."
      footer={
        <p>
          Link expired?{' '}
          <AppLink href="/forgot" className={linkStyle}>
            Send a new one
          </AppLink>
        </p>
      }
    >
      <ActionForm onSubmit={submit}>
        <PasswordField label="New password" value={password} onChange={setPassword} autoComplete="new-password" autoFocus />
        <ErrorText>{action.error}</ErrorText>
        <Button type="submit" className="w-full" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Set new password'}
        </Button>
      </ActionForm>
    </AuthLayout>
  );
}
