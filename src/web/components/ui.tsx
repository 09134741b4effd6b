import {
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  useEffect,
  useRef,
} from 'react';
import { navigate } from '../router.js';
import { limits } from '../../contract/limits.js';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const variants: Record<Variant, string> = {
  primary: 'bg-orange-700 text-white shadow-sm hover:bg-orange-800 disabled:bg-orange-300',
  secondary: 'border border-stone-300 bg-white text-stone-800 shadow-xs hover:bg-stone-50 disabled:text-stone-400',
  ghost: 'text-stone-600 hover:bg-stone-100 hover:text-stone-900',
  danger: 'border border-stone-300 bg-white text-red-700 hover:border-red-300 hover:bg-red-50',
};

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }): ReactElement {
  return (
    <button
      type="button"
      className={`inline-flex items-center justify-center gap-2 rounded-lg px-3.5 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 disabled:cursor-not-allowed ${variants[variant]} ${className}`}
      {...props}
    />
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
}

export function Field({ label, hint, id, className = '', ...props }: FieldProps): ReactElement {
  const inputId = id ?? `field-${label.toLowerCase().replace(/\W+/g, '-')}`;
  const hintId = `${inputId}-hint`;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      <input
        id={inputId}
        aria-describedby={hint ? hintId : undefined}
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-xs placeholder:text-stone-400 focus:border-orange-500 focus:outline-none focus:ring-3 focus:ring-orange-500/20 sm:text-sm"
        {...props}
      />
      {hint && (
        <p id={hintId} className="mt-1.5 text-xs text-stone-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The name a guest is known by: the quick start and the invite screen ask for it alike. */
export function NameField({
  value,
  onChange,
  className,
}: {
  value: string;
  onChange: (name: string) => void;
  className?: string;
}): ReactElement {
  return (
    <Field
      label="Name"
      className={className}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder="How others will see you"
      autoComplete="nickname"
      maxLength={limits.usernameMax}
      autoFocus
    />
  );
}

export function ErrorText({ children }: { children: ReactNode }): ReactElement | null {
  if (!children) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
      {children}
    </p>
  );
}

/** A calm one-liner about what just happened ("You were signed out"); read out politely. */
export function NoticeText({ children }: { children: ReactNode }): ReactElement | null {
  if (!children) return null;
  return (
    <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {children}
    </p>
  );
}

/** A link inside the app: a plain href (new tabs work), followed without a page load. */
export function AppLink({ href, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }): ReactElement {
  return (
    <a
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
      }}
      {...props}
    />
  );
}

/** A form whose submit runs `onSubmit` instead of navigating; validation is ours, not the browser's. */
export function ActionForm({ onSubmit, children }: { onSubmit: () => Promise<void> | void; children: ReactNode }): ReactElement {
  return (
    <form
      method="post"
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes it on Escape and makes
 * the page behind inert. `label` names it for screen readers (and for tests).
 */
export function Modal({ label, onClose, children }: { label: string; onClose: () => void; children: ReactNode }): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === ref.current) onClose();
      }}
      className="m-auto w-[28rem] max-w-[calc(100vw-2rem)] rounded-2xl bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-stone-950/40"
    >
      <div className="p-5 sm:p-6">{children}</div>
    </dialog>
  );
}

/** The foot of a dialog's form: what went wrong, if anything, then Cancel and the submit button. */
export function DialogFooter({
  problem,
  onCancel,
  submit,
  disabled = false,
}: {
  problem: string | null;
  onCancel: () => void;
  submit: string;
  disabled?: boolean;
}): ReactElement {
  return (
    <>
      {problem && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {problem}
        </p>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={disabled}>
          {submit}
        </Button>
      </div>
    </>
  );
}
