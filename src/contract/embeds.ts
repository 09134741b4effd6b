import type { LinkPreview } from './types.js';

/** The player's address, privacy-enhanced where the provider has a mode for it. */
export function embedPlayerUrl(embed: NonNullable<LinkPreview['embed']>): string {
  return embed.provider === 'youtube'
    ? `https://www.youtube-nocookie.com/embed/${embed.videoId}?autoplay=1`
    : `https://player.vimeo.com/video/${embed.videoId}?autoplay=1&dnt=1`;
}
