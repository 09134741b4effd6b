import type { ReactElement } from 'react';
import { formatBytes } from '../../../lib/format.js';
import { removeUpload, retryUpload, type UploadItem } from '../../../uploads.js';
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
            {item.status === 'done' && <p className="text-xs text-stone-500">{formatBytes(item.file.size)}</p>}
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
