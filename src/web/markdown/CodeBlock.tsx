import { type ReactElement, type ReactNode, useEffect, useState } from 'react';

/** A highlighted tree: what lowlight returns (hast), reduced to what its output holds. */
interface HastNode {
  type: string;
  value?: string;
  properties?: { className?: string[] };
  children?: HastNode[];
}

type Highlight = (code: string, language: string) => HastNode | null;

let highlighter: Promise<Highlight> | undefined;

/** highlight.js through lowlight, fetched the first time a code block is shown. */
function loadHighlighter(): Promise<Highlight> {
  highlighter ??= import('./highlight.js').then((m) => m.highlight);
  return highlighter;
}

function toReact(node: HastNode, key: string): ReactNode {
  if (node.type === 'text') return node.value ?? '';
  const children = (node.children ?? []).map((child, i) => toReact(child, `${key}.${i}`));
  if (node.type === 'element')
    return (
      <span key={key} className={(node.properties?.className ?? []).join(' ')}>
        {children}
      </span>
    );
  return children;
}

/** A fenced block: plain at once, coloured once the highlighter is here. */
export function CodeBlock({ code, language }: { code: string; language: string }): ReactElement {
  const [tree, setTree] = useState<HastNode | null>(null);
  useEffect(() => {
    let current = true;
    loadHighlighter()
      .then((highlight) => current && setTree(highlight(code, language)))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code, language]);
  const text = code.replace(/\n$/, '');
  return (
    <pre className="hearth-code" data-language={language || undefined}>
      <code>{tree ? toReact(tree, 'h') : text}</code>
    </pre>
  );
}
