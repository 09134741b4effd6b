import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { createElement, type ReactNode } from 'react';
import { CodeBlock } from './CodeBlock.js';
import { mentionPattern } from '../../contract/mentions.js';

/** Whether `@name` (as written) is a mention the server resolved, and whether it calls the reader. */
export type MentionLookup = (written: string) => 'me' | 'other' | null;

/**
 * Messages are markdown, parsed by markdown-it (docs/architecture.md says why) with raw HTML off
 * and only the chat subset on: emphasis, strikethrough, inline code, fenced code, block quotes,
 * lists, links and bare URLs. Its tokens become React elements here, never an HTML string, so no
 * markup a message carries can reach the page as markup.
 */
const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
md.enable(['blockquote', 'fence', 'list']);
md.enable(['emphasis', 'strikethrough', 'backticks', 'link', 'linkify', 'newline', 'escape', 'autolink', 'entity']);
md.enable(['linkify'], true);
md.linkify.set({ fuzzyEmail: false });

const allowedLink = /^(?:https?:|mailto:)/i;
// markdown-it's own check refuses javascript:, data: and the like; ours allows three schemes only.
md.validateLink = (url) => allowedLink.test(url.trim());

/** Elements for the paired tokens (`*_open` … `*_close`) of the subset. */
const tags: Record<string, string> = {
  paragraph: 'p',
  strong: 'strong',
  em: 'em',
  s: 's',
  blockquote: 'blockquote',
  bullet_list: 'ul',
  ordered_list: 'ol',
  list_item: 'li',
  link: 'a',
};

interface Frame {
  tag: string;
  props: Record<string, unknown>;
  children: ReactNode[];
}

function propsOf(token: Token, tag: string): Record<string, unknown> {
  if (tag === 'a') {
    const href = token.attrGet('href') ?? '';
    return { href, target: '_blank', rel: 'noopener noreferrer nofollow ugc' };
  }
  if (tag === 'ol') {
    const start = Number(token.attrGet('start') ?? 1);
    return start === 1 ? {} : { start };
  }
  return {};
}

function build(tokens: Token[], keyPrefix: string, mention: MentionLookup | undefined): ReactNode[] {
  const root: Frame = { tag: '', props: {}, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  tokens.forEach((token, i) => {
    const key = `${keyPrefix}${i}`;
    const base = token.type.replace(/_(open|close)$/, '');
    // A tight list's paragraphs are hidden: their text belongs to the list item itself.
    if (token.hidden && base === 'paragraph') return;
    if (token.nesting === 1 && tags[base]) {
      const tag = tags[base]!;
      stack.push({ tag, props: { key, ...propsOf(token, tag) }, children: [] });
      return;
    }
    if (token.nesting === -1 && tags[base]) {
      const frame = stack.length > 1 ? stack.pop()! : undefined;
      if (frame) top().children.push(createElement(frame.tag, frame.props, ...frame.children));
      return;
    }
    switch (token.type) {
      case 'inline':
        top().children.push(...build(token.children ?? [], `${key}.`, mention));
        return;
      case 'text':
        top().children.push(...(mention ? withMentions(token.content, mention, key) : [token.content]));
        return;
      case 'code_inline':
        top().children.push(createElement('code', { key }, token.content));
        return;
      case 'softbreak':
      case 'hardbreak':
        top().children.push(createElement('br', { key }));
        return;
      case 'fence':
        top().children.push(createElement(CodeBlock, { key, code: token.content, language: token.info.trim().split(/\s+/)[0] ?? '' }));
        return;
      default:
        // Anything outside the subset shows as the text it was written with.
        if (token.content) top().children.push(token.content);
    }
  });
  // Unclosed frames (not produced by markdown-it, but never lose text).
  while (stack.length > 1) {
    const frame = stack.pop()!;
    top().children.push(createElement(frame.tag, frame.props, ...frame.children));
  }
  return root.children;
}

/** Text with its resolved mentions as highlighted names (the same pattern the server reads them with). */
function withMentions(text: string, mention: MentionLookup, key: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(mentionPattern)) {
    const written = (match[1] ?? match[2] ?? '').replace(/[.-]+$/, '');
    const kind = mention(written);
    if (kind === null || match.index === undefined) continue;
    // A bare name ends before trailing punctuation; a bracketed one at its bracket.
    const end = match[1] !== undefined ? match.index + match[0].length : match.index + 1 + written.length;
    if (match.index > from) parts.push(text.slice(from, match.index));
    parts.push(
      createElement(
        'span',
        { key: `${key}@${match.index}`, className: kind === 'me' ? 'hearth-mention hearth-mention-me' : 'hearth-mention' },
        text.slice(match.index, end),
      ),
    );
    from = end;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

export function renderMarkdown(text: string, mention?: MentionLookup): ReactNode[] {
  return build(md.parse(text, {}), 'md', mention);
}
