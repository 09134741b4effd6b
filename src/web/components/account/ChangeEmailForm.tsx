import { type ReactElement, useState } from 'react';
import { changeEmailBody } from '../../../contract/index.js';
import * as accounts from '../../http/accounts.js';
import { check, required } from '../../lib/check.js';
import { PasswordField } from '../auth/PasswordField.js';
import { useAction } from '../auth/use-action.js';
import { ActionForm, Button, ErrorText, Field, NoticeText } from '../ui.js';

/** The address for logging in and for reset links; changing it asks for the password. */
export function ChangeEmailForm({ onChanged }: { onChanged(email: string): void }): ReactElement {
  const [address, setAddress] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();

  const submit = (): Promise<void> =>
    action.run(async () => {
      setDone(null);
      required(address, 'Enter the new email address.');
      required(password, 'Enter your password to change your email.');
      const body = check(changeEmailBody, { email: address, password });
      const saved = await accounts.changeEmail(body.email, body.password);
      setAddress('');
      setPassword('');
      setDone(saved);
      onChanged(saved);
    });

  return (
    <ActionForm onSubmit={submit}>
      <div>
        <h2 id="email-heading" className="text-base font-semibold text-stone-900">
          Email
        </h2>
        <p className="mt-1 text-sm text-stone-600">For logging in and for reset links. Changing it asks for your password.</p>
      </div>
      <Field
        label="Email"
        type="email"
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        autoComplete="email"
        placeholder="New address"
      />
      <PasswordField label="Password" value={password} onChange={setPassword} autoComplete="current-password" />
      <ErrorText>{action.error}</ErrorText>
      {done && <NoticeText>Email changed to {done}.</NoticeText>}
      <Button type="submit" disabled={action.busy}>
        Change email
      </Button>
    </ActionForm>
  );
}
