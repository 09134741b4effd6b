import { type ReactElement, useState } from 'react';
import { formatBytes } from '../../../lib/format.js';
import { describeUpload, removeUpload, retryUpload, type UploadItem } from '../../../uploads.js';
import { CloseIcon, FileIcon } from '../../icons.js';

/** The files going with the next message: progress, cancel, and for a failed one why and "Retry". */
export function UploadTray({ roomId, items }: { roomId: string; items: UploadItem[] }): ReactElement | null {
  if (items.length === 0) return null;
  return (
    <ul aria-label="Files to send" className="mb-2 flex flex-wrap gap-2">
      {items.map((item) => (
        <li
          key={item.key}
          className={`flex w-56 items-center gap-2 rounded-xl border px-2 py-1.5 text-sm ${item.status === 'failed' ? 'border-red-300 bg-red-50' : 'border-stone-200 bg-stone-50'}`}
        >
          {item.previewUrl ? (
            <img src={item.previewUrl} alt="" className="size-10 shrink-0 rounded-lg object-cover" />
          ) : (
            <FileIcon className="size-8 shrink-0 text-stone-400" />
          )}
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium text-stone-800">{item.file.name}</p>
            {item.status === 'uploading' && (
              <div
                role="progressbar"
                aria-label={`Uploading ${item.file.name}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(item.progress * 100)}
                className="mt-1 h-1.5 overflow-hidden rounded-full bg-stone-200"
              >
                <div className="h-full bg-orange-600 transition-[width]" style={{ width: `${Math.round(item.progress * 100)}%` }} />
              </div>
            )}
            {item.status === 'done' && (
              <p className="text-xs text-stone-500">
                {formatBytes(item.file.size)}
                {item.attachment?.kind === 'image' && <Describe roomId={roomId} item={item} />}
              </p>
            )}
            {item.status === 'failed' && (
              <p role="alert" className="text-xs text-red-700">
                {item.error}{' '}
                <button type="button" onClick={() => retryUpload(roomId, item.key)} className="font-semibold underline">
                  Retry
                </button>
              </p>
            )}
          </div>
          <button
            type="button"
            aria-label={item.status === 'uploading' ? `Cancel ${item.file.name}` : `Remove ${item.file.name}`}
            onClick={() => removeUpload(roomId, item.key)}
            className="rounded-lg p-1 text-stone-500 hover:bg-stone-200"
          >
            <CloseIcon className="size-4" />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "Describe": what the picture shows, read aloud in place of the file name. */
function Describe({ roomId, item }: { roomId: string; item: UploadItem }): ReactElement {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const described = item.attachment && item.attachment.alt !== item.file.name;
  if (!open) {
    return (
      <>
        {' · '}
        <button type="button" onClick={() => setOpen(true)} className="font-medium text-orange-800 underline">
          {described ? 'Described' : 'Describe'}
          <span className="sr-only"> {item.file.name}</span>
        </button>
      </>
    );
  }
  const save = () =>
    void describeUpload(roomId, item.key, text).then(
      () => setOpen(false),
      (failure: unknown) => setError((failure as Error).message),
    );
  return (
    <span className="mt-1 block">
      <input
        autoFocus
        value={text}
        maxLength={500}
        aria-label={`Description of ${item.file.name}`}
        placeholder="What the picture shows"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={save}
        className="w-full rounded-md border border-stone-300 px-1.5 py-0.5 text-xs text-stone-800"
      />
      {error && (
        <span role="alert" className="block text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
