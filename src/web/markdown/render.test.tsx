import { renderToStaticMarkup } from 'react-dom/server';
import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render.js';

const html = (text: string) => renderToStaticMarkup(createElement(Fragment, null, ...renderMarkdown(text)));
const allowed = new Set(['p', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'br']);

/**
 * Filter-evasion strings in the spirit of OWASP's cheat sheet, `javascript:` links in every
 * markdown form, markdown wrapped around HTML, and the link-title trick of Rocket.Chat's
 * CVE-2017-1000054 (`[x](javascript:…)` and a quote breaking out of a title attribute).
 */
const corpus = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](jav&#x09;ascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](file:///etc/passwd)',
  '<javascript:alert(1)>',
  '![img](javascript:alert(1))',
  '![x](https://example.org/x.png "title" onerror="alert(1)")',
  '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
  '[a](https://example.org"onmouseover="alert(1))',
  '**<b onmouseover=alert(1)>bold</b>**',
  '> <iframe src="javascript:alert(1)"></iframe>',
  '- <style>body{display:none}</style>',
  '```html\n<script>alert(1)</script>\n```',
  '`<script>alert(1)</script>`',
  '<div style="position:fixed;inset:0">overlay</div>',
  '[link](https://example.org)<img src=x onerror=alert(1)>',
  '<<script>script>alert(1)<</script>/script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[x](#javascript:alert(1))',
  '[x](/relative/path)',
  'www.example.org/<script>',
];

describe('rendering markdown', () => {
  it('renders the chat subset', () => {
    expect(html('**b** _i_ ~~s~~ `c`')).toBe('<p><strong>b</strong> <em>i</em> <s>s</s> <code>c</code></p>');
    expect(html('> q\n\n- a\n- b\n\n3. c')).toBe(
      '<blockquote><p>q</p></blockquote><ul><li>a</li><li>b</li></ul><ol start="3"><li>c</li></ol>',
    );
    expect(html('one\ntwo')).toBe('<p>one<br/>two</p>');
    expect(html('see https://example.org/a?b=1')).toBe(
      '<p>see <a href="https://example.org/a?b=1" target="_blank" rel="noopener noreferrer nofollow ugc">https://example.org/a?b=1</a></p>',
    );
    expect(html('[mail](mailto:ann@example.org)')).toContain('href="mailto:ann@example.org"');
    expect(html('```js\nlet x = 1;\n```')).toBe('<pre class="hearth-code" data-language="js"><code>let x = 1;</code></pre>');
  });

  it('leaves headings, tables and images as the text they were written with', () => {
    expect(html('# not a heading')).toBe('<p># not a heading</p>');
    expect(html('![alt](https://example.org/x.png)')).not.toContain('<img');
  });

  it.each(corpus)('%s renders as text: only allowed elements, only http, https and mailto links', (input) => {
    const out = html(input);
    // Every tag React wrote (text is escaped, so a `<` in the output always opens one of ours).
    for (const [, tag, attributes] of out.matchAll(/<([a-z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/g)) {
      expect(allowed.has(tag!)).toBe(true);
      for (const [, name, value] of attributes!.matchAll(/([a-z-]+)="([^"]*)"/g)) {
        expect(['href', 'target', 'rel', 'start', 'class', 'data-language']).toContain(name);
        if (name === 'href') expect(value).toMatch(/^(https?:|mailto:)/);
      }
    }
    expect(out.replace(/<\/?[a-z0-9]+((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/g, '')).not.toContain('<');
  });
});

describe('mentions', () => {
  const lookup = (written: string) =>
    written.toLowerCase() === 'ann' ? 'me' : ['bob smith', 'room'].includes(written.toLowerCase()) ? 'other' : null;
  const withMentions = (text: string) => renderToStaticMarkup(createElement(Fragment, null, ...renderMarkdown(text, lookup)));

  it('highlights the names the server resolved, the reader’s own apart, and leaves the rest as text', () => {
    expect(withMentions('hi @Ann, @[Bob Smith] and @Eve.')).toBe(
      '<p>hi <span class="hearth-mention hearth-mention-me">@Ann</span>, <span class="hearth-mention">@[Bob Smith]</span> and @Eve.</p>',
    );
    expect(withMentions('**@room** now')).toBe('<p><strong><span class="hearth-mention">@room</span></strong> now</p>');
  });

  it('never inside code or a link, and markup in a name stays text', () => {
    expect(withMentions('`@Ann` and\n```\n@Ann\n```')).not.toContain('hearth-mention');
    expect(withMentions('@[<b>x</b>]')).toBe('<p>@[&lt;b&gt;x&lt;/b&gt;]</p>');
  });
});
