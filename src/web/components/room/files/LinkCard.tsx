import { type ReactElement, useState } from 'react';
import { embedPlayerUrl } from '../../../../contract/embeds.js';
import type { LinkPreview } from '../../../../contract/index.js';
import { runCommand } from '../../../realtime/emit.js';
import { CloseIcon, PlayIcon } from '../../icons.js';
import { previewImageUrl } from './file-url.js';

/**
 * The card of a message's first link, fetched by the server. A YouTube or Vimeo link shows its
 * picture and loads the provider's player only when clicked (nothing of theirs loads before).
 */
export function LinkCard({
  preview,
  roomId,
  messageId,
  mine,
}: {
  preview: LinkPreview;
  roomId: string;
  messageId: string;
  mine: boolean;
}): ReactElement {
  const [playing, setPlaying] = useState(false);
  const title = preview.title || preview.url;
  const image = preview.image;
  return (
    <aside
      aria-label={`Link preview: ${title}`}
      className="relative mt-1 w-80 max-w-full overflow-hidden rounded-xl border border-stone-200 bg-white text-stone-800 shadow-xs"
    >
      {preview.embed ? (
        playing ? (
          <iframe
            src={embedPlayerUrl(preview.embed)}
            title={`${preview.siteName} video: ${title}`}
            allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
            allowFullScreen
            sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
            className="aspect-video w-full"
          />
        ) : (
          <button
            type="button"
            onClick={() => setPlaying(true)}
            aria-label={`Play video: ${title}`}
            className="relative flex aspect-video w-full items-center justify-center bg-stone-900"
          >
            {image && <img src={previewImageUrl(image.id)} alt="" className="absolute inset-0 h-full w-full object-cover opacity-90" />}
            <span className="relative inline-flex size-14 items-center justify-center rounded-full bg-red-600 text-white shadow-lg">
              <PlayIcon className="size-7" />
            </span>
          </button>
        )
      ) : (
        image && (
          <img
            src={previewImageUrl(image.id)}
            alt=""
            width={image.width}
            height={image.height}
            loading="lazy"
            className="block max-h-44 w-full object-cover"
            style={{ aspectRatio: `${image.width} / ${image.height}` }}
          />
        )
      )}
      <div className="px-3 py-2">
        {preview.siteName && <p className="text-xs font-medium text-stone-500">{preview.siteName}</p>}
        <a
          href={preview.url}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="line-clamp-2 text-sm font-semibold text-orange-800 hover:underline"
        >
          {title}
        </a>
        {preview.description && <p className="mt-0.5 line-clamp-3 text-xs text-stone-600">{preview.description}</p>}
      </div>
      {mine && (
        <button
          type="button"
          aria-label="Remove preview"
          title="Remove preview"
          onClick={() => void runCommand('message:remove_preview', { roomId, messageId }).catch(() => undefined)}
          className="absolute top-1.5 right-1.5 rounded-full bg-white/90 p-1 text-stone-600 shadow-sm hover:bg-white"
        >
          <CloseIcon className="size-4" />
        </button>
      )}
    </aside>
  );
}
