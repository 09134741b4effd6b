import { type ReactElement, useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../../../contract/index.js';
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon, DownloadIcon } from '../../icons.js';
import { fileUrl } from './file-url.js';

/** A message's pictures at full size: arrows go through them, Escape closes; loaded only when opened. */
export default function Lightbox({
  pictures,
  start,
  onClose,
}: {
  pictures: readonly Attachment[];
  start: number;
  onClose: () => void;
}): ReactElement {
  const [index, setIndex] = useState(start);
  const close = useRef<HTMLButtonElement>(null);
  const picture = pictures[index] ?? pictures[0]!;
  const many = pictures.length > 1;
  const go = (step: number) => setIndex((i) => (i + step + pictures.length) % pictures.length);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus();
  }, []);

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={picture.alt}
      className="fixed inset-0 z-50 flex flex-col bg-stone-950/90 text-white"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowRight' && many) go(1);
        else if (e.key === 'ArrowLeft' && many) go(-1);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="flex items-center gap-2 px-4 py-3">
        <p className="min-w-0 flex-1 truncate text-sm">
          {picture.name}
          {many && (
            <span className="text-stone-400">
              {' '}
              · {index + 1} of {pictures.length}
            </span>
          )}
        </p>
        <a
          href={fileUrl(picture.id, '', true)}
          download={picture.name}
          className="inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm hover:bg-white/10"
        >
          <DownloadIcon className="size-4" /> Download
        </a>
        <button ref={close} type="button" aria-label="Close" onClick={onClose} className="rounded-lg p-2 hover:bg-white/10">
          <CloseIcon className="size-5" />
        </button>
      </div>
      <div
        className="relative flex min-h-0 flex-1 items-center justify-center px-4 pb-6"
        onClick={(e) => e.target === e.currentTarget && onClose()}
      >
        {many && (
          <button
            type="button"
            aria-label="Previous picture"
            onClick={() => go(-1)}
            className="absolute left-2 rounded-full bg-black/40 p-2 hover:bg-black/60"
          >
            <ChevronLeftIcon className="size-6" />
          </button>
        )}
        <img
          key={picture.id}
          src={fileUrl(picture.id)}
          alt={picture.alt}
          width={picture.width}
          height={picture.height}
          className="max-h-full max-w-full object-contain"
        />
        {many && (
          <button
            type="button"
            aria-label="Next picture"
            onClick={() => go(1)}
            className="absolute right-2 rounded-full bg-black/40 p-2 hover:bg-black/60"
          >
            <ChevronRightIcon className="size-6" />
          </button>
        )}
      </div>
    </div>
  );
}
