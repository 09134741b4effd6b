import { type ReactElement, useState } from 'react';
import { limits, type Room } from '../../../contract/index.js';
import { renameGroup } from '../../http/people.js';
import { chat } from '../../store.js';
import { DialogFooter, Field, Modal } from '../ui.js';

/** A group conversation's name; left empty, the group is named by its people again. */
export default function RenameGroupDialog({ room, onClose }: { room: Room; onClose: () => void }): ReactElement {
  const [name, setName] = useState(room.name);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(): Promise<void> {
    setProblem(null);
    try {
      chat.dispatch({ type: 'room/updated', room: await renameGroup(room.id, name.trim()) });
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The name could not be saved.');
    }
  }

  return (
    <Modal label="Rename group" onClose={onClose}>
      <h2 className="mb-4 text-lg font-semibold">Rename group</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field
          label="Group name"
          value={name}
          maxLength={limits.roomNameMax}
          onChange={(e) => setName(e.target.value)}
          hint="Everyone in the group sees it. Leave it empty to name the group by its people."
        />
        <DialogFooter problem={problem} onCancel={onClose} submit="Save" />
      </form>
    </Modal>
  );
}
