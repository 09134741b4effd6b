import { common, createLowlight } from 'lowlight';

/** The common languages of highlight.js; a fence naming another (or none) is guessed among them. */
const lowlight = createLowlight(common);

export function highlight(code: string, language: string): ReturnType<typeof lowlight.highlight> | null {
  const source = code.replace(/\n$/, '');
  try {
    return language && lowlight.registered(language) ? lowlight.highlight(language, source) : lowlight.highlightAuto(source);
  } catch {
    return null;
  }
}
