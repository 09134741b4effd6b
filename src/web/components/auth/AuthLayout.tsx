import type { ReactElement, ReactNode } from 'react';
import { FlameMark } from '../icons.js';
import { AppLink, NoticeText } from '../ui.js';

interface Props {
  title: string;
  lead?: ReactNode;
  notice?: string | null;
  /** Below the card: "Already have an account? Log in". */
  footer?: ReactNode;
  children: ReactNode;
}

/** The frame of the account pages: the mark, a heading, one card, a way elsewhere. */
export function AuthLayout({ title, lead, notice, footer, children }: Props): ReactElement {
  return (
    <main className="flex min-h-full items-start justify-center overflow-y-auto bg-gradient-to-b from-orange-50/70 to-stone-50 px-5 py-10 sm:items-center sm:py-16">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <AppLink href="/" aria-label="Hearth home" className="rounded-xl focus-visible:outline-2 focus-visible:outline-orange-500">
            <FlameMark className="size-11" />
          </AppLink>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
          {lead && <p className="mt-1.5 text-sm text-pretty text-stone-600">{lead}</p>}
        </div>
        {notice && (
          <div className="mb-4">
            <NoticeText>{notice}</NoticeText>
          </div>
        )}
        <div className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">{children}</div>
        {footer && <div className="mt-5 space-y-1.5 text-center text-sm text-stone-600">{footer}</div>}
      </div>
    </main>
  );
}

export const linkStyle = 'font-medium text-orange-800 underline decoration-orange-300 underline-offset-2 hover:text-orange-950';
