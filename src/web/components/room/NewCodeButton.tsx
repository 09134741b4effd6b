import { type ReactElement, useState } from 'react';
import type { Room } from '../../../contract/index.js';
import * as api from '../../http/endpoints.js';
import { ApiError } from '../../http/request.js';
import { chat } from '../../store.js';

/**
 * For a leaked invite: the room's owner makes a new code and the old link stops working. Others
 * who press it hear that only the owner can.
 */
export function NewCodeButton({ room, className }: { room: Room; className: string }): ReactElement {
  const [status, setStatus] = useState<string>('');
  async function renew(): Promise<void> {
    setStatus('');
    try {
      chat.dispatch({ type: 'room/updated', room: await api.regenerateCode(room.id) });
      setStatus('New code made: the old link no longer works.');
    } catch (error) {
      setStatus(error instanceof ApiError ? error.message : 'The code could not be changed.');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={() => void renew()} className={className}>
        New invite code
      </button>
      <span role="status" className="text-xs text-stone-500">
        {status}
      </span>
    </span>
  );
}
