import { type ReactElement, type ReactNode, useEffect, useState } from 'react';

type Render = (text: string) => ReactNode[];

let renderer: Render | undefined;
let loading: Promise<Render> | undefined;

/** The markdown renderer is a chunk of its own, fetched when the first conversation opens. */
export function loadRenderer(): Promise<Render> {
  loading ??= import('../../markdown/render.js').then((m) => (renderer = m.renderMarkdown));
  return loading;
}

/** A message's markdown, formatted; as plain text for the moment the renderer takes to arrive. */
export function MessageText({ text }: { text: string }): ReactElement {
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
  return <div className="hearth-markdown">{render ? render(text) : <p className="whitespace-pre-wrap">{text}</p>}</div>;
}
