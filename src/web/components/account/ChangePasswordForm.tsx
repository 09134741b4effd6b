import { type ReactElement, useState } from 'react';
import { changePasswordBody } from '../../../contract/index.js';
import * as accounts from '../../http/accounts.js';
import { check, required } from '../../lib/check.js';
import { PasswordField } from '../auth/PasswordField.js';
import { useAction } from '../auth/use-action.js';
import { ActionForm, Button, ErrorText, NoticeText } from '../ui.js';

/** Needs the current password; the server signs out every other session, this one stays. */
export function ChangePasswordForm(): ReactElement {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();

  const submit = (): Promise<void> =>
    action.run(async () => {
      setDone(false);
      required(currentPassword, 'Enter your current password.');
      const body = check(changePasswordBody, { currentPassword, newPassword });
      await accounts.changePassword(body.currentPassword, body.newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setDone(true);
    });

  return (
    <ActionForm onSubmit={submit}>
      <div>
        <h2 id="password-heading" className="text-base font-semibold text-stone-900">
          Password
        </h2>
        <p className="mt-1 text-sm text-stone-600">Changing it logs you out on your other devices.</p>
      </div>
      <PasswordField label="Current password" value={currentPassword} onChange={setCurrentPassword} autoComplete="current-password" />
      <PasswordField label="New password" value={newPassword} onChange={setNewPassword} autoComplete="new-password" />
      <ErrorText>{action.error}</ErrorText>
      {done && <NoticeText>Password changed. Your other devices were logged out.</NoticeText>}
      <Button type="submit" disabled={action.busy}>
        Change password
      </Button>
    </ActionForm>
  );
}
