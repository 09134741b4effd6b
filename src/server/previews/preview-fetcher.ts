import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { embedOf } from '../../contract/links.js';
import type { LinkPreview } from '../../contract/types.js';
import type { BlobStore } from '../core/files/ports.js';
import type { PreviewFetcher, PreviewStore } from '../core/previews/ports.js';
import { guardedFetcher, type GuardOptions } from './guarded-fetch.js';
import { readPage } from './read-page.js';
import { join } from 'node:path';
import { mkdir, stat, unlink } from 'node:fs/promises';

export interface PreviewFetcherOptions extends GuardOptions {
  blobs: BlobStore;
  store: PreviewStore;
  workDir: string;
  clock: () => Date;
  /** Reports why a page gave no card (the log), since the author only sees no card. */
  onSkip?: (url: string, reason: unknown) => void;
}

/** The picture shown on a card is at most this wide and high, re-encoded as WebP. */
const imageSide = 600;

export function previewFetcher(options: PreviewFetcherOptions): PreviewFetcher & { close(): Promise<void> } {
  const guarded = guardedFetcher(options);

  async function storeImage(href: string): Promise<LinkPreview['image']> {
    const fetched = await guarded.fetch(href, 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.8');
    await mkdir(options.workDir, { recursive: true });
    const path = join(options.workDir, `preview-${randomUUID()}.webp`);
    try {
      // The picture is decoded and re-encoded here, like an upload: whatever it held, what is served is a plain WebP.
      const info = await sharp(fetched.bytes, { limitInputPixels: 40_000_000, failOn: 'error' })
        .rotate()
        .resize({ width: imageSide, height: imageSide, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toFile(path);
      const id = randomUUID();
      const storageKey = `previews/${id}.webp`;
      await options.blobs.put(storageKey, { path, size: (await stat(path)).size, type: 'image/webp' });
      await options.store.savePreviewImage(id, storageKey, options.clock().toISOString());
      return { id, width: info.width, height: info.height };
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  return {
    async fetchPreview(url) {
      try {
        const page = await guarded.fetch(url, 'text/html,application/xhtml+xml;q=0.9');
        if (!/html/i.test(page.type)) return null;
        const meta = readPage(page.bytes.toString('utf8'), page.url);
        if (!meta.title && !meta.description) return null;
        const image = meta.image
          ? await storeImage(meta.image).catch((error: unknown) => (options.onSkip?.(meta.image!, error), null))
          : null;
        return {
          url,
          title: meta.title,
          description: meta.description,
          siteName: meta.siteName || new URL(page.url).hostname.replace(/^www\./, ''),
          image,
          embed: embedOf(url),
        };
      } catch (error) {
        options.onSkip?.(url, error);
        return null;
      }
    },
    close: () => guarded.close(),
  };
}
