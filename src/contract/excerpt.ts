import { limits } from './limits.js';

/** What a reply shows of the message it answers: its start, with an ellipsis when cut. */
export const excerptOf = (text: string): string =>
  text.length <= limits.replyExcerptMax ? text : `${text.slice(0, limits.replyExcerptMax - 1).trimEnd()}…`;
