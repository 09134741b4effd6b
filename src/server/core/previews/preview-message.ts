import { embedOf, firstLink } from '../../../contract/links.js';
import type { LinkPreview, Message } from '../../../contract/types.js';
import type { CoreDeps } from '../shared/deps.js';

type PreviewDeps = Pick<CoreDeps, 'messages' | 'previews' | 'previewFetcher' | 'broadcast' | 'clock'>;

const day = 24 * 60 * 60 * 1000;

/**
 * After a message is stored (or edited), its first link gets a card: from the cache when fresh,
 * else fetched. It is a change of its own, told to the room as `message:updated`, so every
 * client (and one that reconnects later, through the change feed) gets it. A message whose first
 * link has changed meanwhile, or whose author took the card off, is left alone.
 */
export async function previewMessage(deps: PreviewDeps, message: Message): Promise<void> {
  const url = firstLink(message.text);
  if (!url) return;
  const preview = await previewOf(deps, url);
  if (!preview) return;
  const current = await deps.messages.findMessage(message.roomId, message.id);
  if (!current || current.deletedAt !== null || firstLink(current.text) !== url || current.editedAt !== message.editedAt) return;
  if (current.preview?.url === preview.url) return;
  const outcome = await deps.messages.changeMessage(message.roomId, message.id, { kind: 'preview', by: message.author.id, preview });
  if (outcome.ok) deps.broadcast.toRoom(message.roomId, 'message:updated', { message: outcome.message, by: message.author.id });
}

async function previewOf(deps: PreviewDeps, url: string): Promise<LinkPreview | null> {
  const cached = await deps.previews.cachedPreview(url);
  const now = deps.clock.now();
  if (cached && now.getTime() - Date.parse(cached.fetchedAt) < day) return cached.preview;
  const fetched = await deps.previewFetcher.fetchPreview(url);
  // A video is worth its player even when its page could not be read.
  const embed = embedOf(url);
  const preview =
    fetched ??
    (embed ? { url, title: '', description: '', siteName: embed.provider === 'youtube' ? 'YouTube' : 'Vimeo', image: null, embed } : null);
  await deps.previews.savePreview(url, preview, now.toISOString());
  return preview;
}
