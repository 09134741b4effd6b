import { type ReactElement, useEffect, useRef, useState } from 'react';
import { messageTextSchema, type Message } from '../../../contract/index.js';
import { editMessage } from '../../realtime/commands.js';
import { chat } from '../../store.js';

/** Editing in place: Enter saves, Shift+Enter adds a line, Escape cancels. */
export function EditBox({ message }: { message: Message }): ReactElement {
  const [text, setText] = useState(message.text);
  const [problem, setProblem] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current;
    el?.focus();
    el?.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const stop = () => chat.dispatch({ type: 'compose/editing', roomId: message.roomId, messageId: null });

  function save(): void {
    const parsed = messageTextSchema.safeParse(text);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Check the text');
      return;
    }
    editMessage(message.roomId, message.id, parsed.data).then(stop, (error: unknown) =>
      setProblem(error instanceof Error ? error.message : 'Not saved'),
    );
  }

  return (
    <div className="w-full min-w-[16rem]">
      <textarea
        ref={area}
        aria-label="Edit message"
        value={text}
        rows={Math.min(8, text.split('\n').length + 1)}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            stop();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            save();
          }
        }}
        className="w-full resize-none rounded-xl border border-orange-400 bg-white px-3 py-2 text-[15px] text-stone-900 focus:ring-3 focus:ring-orange-500/15 focus:outline-none"
      />
      <p className="mt-1 flex items-center gap-2 px-1 text-xs text-stone-500">
        <span>Escape to cancel · Enter to save</span>
        <button type="button" onClick={stop} className="underline">
          Cancel
        </button>
        <button type="button" onClick={save} className="font-semibold text-orange-800 underline">
          Save
        </button>
      </p>
      {problem && (
        <p role="alert" className="px-1 text-xs text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
