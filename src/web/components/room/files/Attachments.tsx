import { lazy, type ReactElement, Suspense, useState } from 'react';
import type { Attachment } from '../../../../contract/index.js';
import { formatBytes } from '../../../lib/format.js';
import { DownloadIcon, FileIcon } from '../../icons.js';
import { fileUrl } from './file-url.js';

const Lightbox = lazy(() => import('./Lightbox.js'));

/** How large a picture shows in the list: its thumbnail fitted in 320 × 320 CSS pixels. */
function shownSize(a: Attachment): { width: number; height: number } {
  const w = a.thumb?.width ?? a.width ?? 320;
  const h = a.thumb?.height ?? a.height ?? 240;
  const scale = Math.min(1, 320 / w, 320 / h);
  return { width: Math.round(w * scale), height: Math.round(h * scale) };
}

/** A message's files: pictures (open in a lightbox), players for video and audio, cards for the rest. */
export function Attachments({ attachments, mine }: { attachments: readonly Attachment[]; mine: boolean }): ReactElement | null {
  const [open, setOpen] = useState<number | null>(null);
  if (attachments.length === 0) return null;
  const pictures = attachments.filter((a) => a.kind === 'image');
  return (
    <div className={`mt-1 flex max-w-full flex-col gap-1.5 ${mine ? 'items-end' : 'items-start'}`}>
      {pictures.length > 0 && (
        <div className={`flex flex-wrap gap-1.5 ${mine ? 'justify-end' : ''}`}>
          {pictures.map((picture, index) => {
            const size = shownSize(picture);
            return (
              <button
                key={picture.id}
                type="button"
                onClick={() => setOpen(index)}
                aria-label={`Open ${picture.alt}`}
                className="overflow-hidden rounded-xl border border-stone-200 bg-stone-100 focus-visible:ring-3 focus-visible:ring-orange-500/40"
                style={{ width: size.width, maxWidth: '100%', aspectRatio: `${size.width} / ${size.height}` }}
              >
                <img
                  src={fileUrl(picture.id, picture.thumb ? '/thumb' : '')}
                  alt={picture.alt}
                  width={size.width}
                  height={size.height}
                  loading="lazy"
                  decoding="async"
                  className="block h-full w-full object-cover"
                />
              </button>
            );
          })}
        </div>
      )}
      {attachments.map((a) =>
        a.kind === 'video' ? (
          <video
            key={a.id}
            controls
            preload="metadata"
            src={fileUrl(a.id)}
            aria-label={a.name}
            className="max-h-80 w-full max-w-md rounded-xl bg-black"
          />
        ) : a.kind === 'audio' ? (
          <audio key={a.id} controls preload="metadata" src={fileUrl(a.id)} aria-label={a.name} className="w-72 max-w-full" />
        ) : a.kind === 'file' ? (
          <FileCard key={a.id} attachment={a} />
        ) : null,
      )}
      {open !== null && (
        <Suspense fallback={null}>
          <Lightbox pictures={pictures} start={open} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </div>
  );
}

function FileCard({ attachment }: { attachment: Attachment }): ReactElement {
  const kind = attachment.name.includes('.') ? attachment.name.split('.').pop()!.toUpperCase() : 'File';
  return (
    <a
      href={fileUrl(attachment.id, '', true)}
      download={attachment.name}
      aria-label={attachment.name}
      className="flex w-72 max-w-full items-center gap-3 rounded-xl border border-stone-200 bg-white px-3 py-2.5 text-stone-800 shadow-xs hover:border-orange-300 hover:bg-orange-50/40"
    >
      <FileIcon className="size-8 shrink-0 text-orange-700" />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-semibold">{attachment.name}</span>
        <span className="block text-xs text-stone-500">
          {kind} · {formatBytes(attachment.size)}
        </span>
      </span>
      <DownloadIcon className="size-5 shrink-0 text-stone-400" />
    </a>
  );
}
