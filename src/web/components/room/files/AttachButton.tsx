import { type ReactElement, useRef } from 'react';
import { addFiles } from '../../../uploads.js';
import { PaperclipIcon } from '../../icons.js';

/** "Attach": opens the file picker; several files at once. */
export function AttachButton({ roomId }: { roomId: string }): ReactElement {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        aria-label="Attach"
        title="Attach files"
        onClick={() => input.current?.click()}
        className="inline-flex size-9 shrink-0 items-center justify-center rounded-xl text-stone-500 hover:bg-stone-100 hover:text-stone-700"
      >
        <PaperclipIcon className="size-5" />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        aria-label="Attach files"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          addFiles(roomId, [...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </>
  );
}
