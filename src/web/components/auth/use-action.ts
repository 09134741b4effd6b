import { useState } from 'react';
import { ApiError } from '../../http/request.js';
import { InputError } from '../../lib/check.js';

export interface Action {
  busy: boolean;
  /** The server's sentence (error.message) or a problem with the input, for a role="alert". */
  error: string | null;
  run(action: () => Promise<void>): Promise<void>;
}

/** One form's submission: no double submits, and its failure in words. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, run };
}

function describe(error: unknown): string {
  if (error instanceof ApiError || error instanceof InputError) return error.message;
  return 'Something went wrong. Please try again.';
}
