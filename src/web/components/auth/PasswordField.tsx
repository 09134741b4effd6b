import type { ReactElement } from 'react';
import { limits } from '../../../contract/index.js';
import { Field } from '../ui.js';

export const passwordHint = `${limits.passwordMin}–${limits.passwordMax} characters. A few unrelated words make a strong one.`;

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  /** "new-password" (sign-up, reset, change) shows the length hint; "current-password" does not. */
  autoComplete: 'new-password' | 'current-password';
  autoFocus?: boolean;
}

/** A password input. Its value lives only in component state: never in a URL or storage. */
export function PasswordField({ label, value, onChange, autoComplete, autoFocus }: Props): ReactElement {
  return (
    <Field
      label={label}
      type="password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      hint={autoComplete === 'new-password' ? passwordHint : undefined}
    />
  );
}
