import { type ReactElement, useState } from 'react';
import type { Room } from '../../../contract/index.js';
import { copyText } from '../../lib/copy.js';
import { inviteLink } from '../../router.js';
import { CheckIcon, LinkIcon } from '../icons.js';

/** Copies `<origin>/join/<code>`; the code is the invite, private rooms included. */
export function InviteButton({ room, className }: { room: Room; className: string }): ReactElement {
  const [copied, setCopied] = useState(false);
  async function copy(): Promise<void> {
    if (await copyText(inviteLink(room.code))) {
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    }
  }
  return (
    <button type="button" onClick={() => void copy()} aria-label="Copy invite link" title={inviteLink(room.code)} className={className}>
      {copied ? <CheckIcon className="size-5 text-emerald-600" /> : <LinkIcon className="size-5" />}
      <span className="hidden sm:inline" aria-live="polite">
        {copied ? 'Copied' : 'Invite'}
      </span>
    </button>
  );
}
