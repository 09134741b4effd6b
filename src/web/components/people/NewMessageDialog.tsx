import { type ReactElement, useMemo, useState } from 'react';
import { limits, type Room, type User } from '../../../contract/index.js';
import { addPeople } from '../../http/people.js';
import { openDirect } from '../../people.js';
import { chat, useChat } from '../../store.js';
import { DialogFooter, Modal } from '../ui.js';
import { PeoplePicker } from './PeoplePicker.js';

/**
 * "New message": pick one or more people and start (or reopen) the conversation with exactly them.
 * Given a group, the same dialog adds people to it instead.
 */
export default function NewMessageDialog({ group, onClose }: { group?: Room; onClose: () => void }): ReactElement {
  const meId = useChat((s) => s.me?.id);
  const [picked, setPicked] = useState<User[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inGroup = useMemo(() => (group?.participants ?? []).map((p) => p.id), [group]);
  const exclude = useMemo(() => [...(meId ? [meId] : []), ...inGroup], [meId, inGroup]);
  // How many more people fit: a conversation holds directOthersMax besides oneself.
  const capacity = group ? Math.max(0, limits.directOthersMax + 1 - inGroup.length) : limits.directOthersMax;

  async function submit(): Promise<void> {
    if (picked.length === 0) return setProblem('Pick someone first.');
    setBusy(true);
    setProblem(null);
    try {
      const ids = picked.map((p) => p.id);
      if (group) chat.dispatch({ type: 'room/updated', room: await addPeople(group.id, ids) });
      else await openDirect(ids);
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal label={group ? 'Add people' : 'New message'} onClose={onClose}>
      <h2 className="text-lg font-semibold">{group ? 'Add people' : 'New message'}</h2>
      <p className="mt-1 mb-4 text-sm text-stone-600">
        {group
          ? 'They will see the whole conversation.'
          : `Talk with one person, or with up to ${limits.directOthersMax} at once. The same people always meet in the same conversation.`}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <PeoplePicker picked={picked} onChange={setPicked} exclude={exclude} max={capacity} />
        <DialogFooter problem={problem} onCancel={onClose} submit={group ? 'Add' : 'Start'} disabled={busy || picked.length === 0} />
      </form>
    </Modal>
  );
}
