import type { ReactElement } from 'react';
import { useChat } from '../store.js';
import { WifiOffIcon } from './icons.js';

/** Says when the live connection is down; Socket.IO keeps retrying and the rooms catch up after. */
export function ConnectionBanner(): ReactElement {
  const status = useChat((s) => s.connection);
  return (
    <div role="status" aria-live="polite">
      {status === 'reconnecting' && (
        <div className="flex items-center justify-center gap-2 bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
          <WifiOffIcon className="size-4 shrink-0" />
          <span>
            <strong className="font-medium">Reconnecting…</strong>
            <span className="hidden sm:inline"> Messages you send now will go out when the connection is back.</span>
          </span>
        </div>
      )}
      {status === 'closed' && (
        <div className="flex items-center justify-center gap-2 bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
          <WifiOffIcon className="size-4 shrink-0" />
          <span>
            <strong className="font-medium">Disconnected:</strong> Hearth is open in too many tabs or devices. Reload this page to use it
            here.
          </span>
        </div>
      )}
    </div>
  );
}
