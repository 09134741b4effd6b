import { Parser } from 'htmlparser2';

export interface PageMeta {
  title: string;
  description: string;
  siteName: string;
  image: string | undefined;
}

const limits = { title: 200, description: 300, siteName: 80 };

/**
 * What a page says about itself in its head, read by htmlparser2: Open Graph first, then the
 * Twitter card, then `<title>` and the description. Relative picture addresses are made absolute.
 */
export function readPage(html: string, pageUrl: string): PageMeta {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'body') done = true;
        if (done) return;
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? '').toLowerCase();
          if (key && attributes.content !== undefined && !meta.has(key)) meta.set(key, attributes.content);
        }
      },
      ontext(text) {
        if (inTitle && !done) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'head') done = true;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const first = (...keys: string[]) => keys.map((k) => meta.get(k)?.trim()).find((v) => v) ?? '';
  const image = first('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src');
  return {
    title: clip(first('og:title', 'twitter:title') || title.trim(), limits.title),
    description: clip(first('og:description', 'twitter:description', 'description'), limits.description),
    siteName: clip(first('og:site_name', 'application-name'), limits.siteName),
    image: image ? absolute(image, pageUrl) : undefined,
  };
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
}

function absolute(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}
