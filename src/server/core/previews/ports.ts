import type { LinkPreview } from '../../../contract/types.js';

export interface CachedPreview {
  /** null: the page gave nothing worth a card (or could not be fetched); not asked again until stale. */
  preview: LinkPreview | null;
  fetchedAt: string;
}

/** Previews are cached per URL, for every message that links there. */
export interface PreviewStore {
  cachedPreview(url: string): Promise<CachedPreview | undefined>;
  savePreview(url: string, preview: LinkPreview | null, at: string): Promise<void>;
  /** A preview's picture, stored as a blob under `storageKey`. */
  savePreviewImage(id: string, storageKey: string, at: string): Promise<void>;
  findPreviewImage(id: string): Promise<{ storageKey: string } | undefined>;
}

/**
 * Reads a page (and its picture) from the web through the address guard. Resolves null for a page
 * that cannot or may not be read: a refusal is an absent card, never an error for the author.
 */
export interface PreviewFetcher {
  fetchPreview(url: string): Promise<LinkPreview | null>;
}
