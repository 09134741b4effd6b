import { type ReactElement, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Mention } from '../../../contract/index.js';
import type { MentionLookup } from '../../markdown/render.js';

type Render = (text: string, mention?: MentionLookup) => ReactNode[];

/** The names written after `@` that the server resolved for this message, and whether one is the reader. */
function lookupFor(mentions: readonly Mention[], meId: string | undefined): MentionLookup | undefined {
  if (mentions.length === 0) return undefined;
  const names = new Map<string, 'me' | 'other'>();
  for (const m of mentions) {
    if (m.kind === 'user') names.set(m.username.toLowerCase(), m.id === meId ? 'me' : 'other');
    else names.set(m.kind, 'other');
  }
  return (written) => names.get(written.toLowerCase()) ?? null;
}

let renderer: Render | undefined;
let loading: Promise<Render> | undefined;

/** The markdown renderer is a chunk of its own, fetched when the first conversation opens. */
export function loadRenderer(): Promise<Render> {
  loading ??= import('../../markdown/render.js').then((m) => (renderer = m.renderMarkdown));
  return loading;
}

/** A message's markdown, formatted; as plain text for the moment the renderer takes to arrive. */
export function MessageText({ text, mentions = [], meId }: { text: string; mentions?: readonly Mention[]; meId?: string }): ReactElement {
  const mention = useMemo(() => lookupFor(mentions, meId), [mentions, meId]);
  const [render, setRender] = useState<Render | undefined>(() => renderer);
  useEffect(() => {
    if (render) return;
    let current = true;
    loadRenderer()
      .then((loaded) => current && setRender(() => loaded))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [render]);
  return <div className="hearth-markdown">{render ? render(text, mention) : <p className="whitespace-pre-wrap">{text}</p>}</div>;
}
