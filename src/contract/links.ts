import LinkifyIt from 'linkify-it';
import type { LinkPreview } from './types.js';

/** linkify-it: the same recogniser markdown-it uses to turn the message's links into links. */
const linkify = new LinkifyIt();

// Code is not prose: a URL in a code span or block is an example, not a link to preview.
const fencedCode = /```[\s\S]*?(```|$)/g;
const inlineCode = /`[^`\n]*`/g;

/** The first http(s) link of a message's text, outside code; undefined when there is none. */
export function firstLink(text: string): string | undefined {
  const prose = text.replace(fencedCode, ' ').replace(inlineCode, ' ');
  const match = linkify.match(prose)?.find((m) => m.schema === '' || m.schema === 'http:' || m.schema === 'https:');
  if (!match) return undefined;
  const url = match.url.startsWith('http') ? match.url : `https://${match.url.replace(/^\/\//, '')}`;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

/** A YouTube or Vimeo video's player, known from its address alone. */
export function embedOf(href: string): LinkPreview['embed'] {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  const youtubeId = /^[\w-]{11}$/;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id = url.pathname === '/watch' ? url.searchParams.get('v') : /^\/(?:shorts|embed|live)\/([\w-]{11})/.exec(url.pathname)?.[1];
    return id && youtubeId.test(id) ? { provider: 'youtube', videoId: id } : null;
  }
  if (host === 'youtu.be') {
    const id = url.pathname.slice(1);
    return youtubeId.test(id) ? { provider: 'youtube', videoId: id } : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = /^\/(?:video\/)?(\d{1,12})(?:\/|$)/.exec(url.pathname)?.[1];
    return id ? { provider: 'vimeo', videoId: id } : null;
  }
  return null;
}
