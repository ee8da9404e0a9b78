import { MATCH_END, MATCH_START } from '../../../../shared/knowledge';

export interface TextPart {
  text: string;
  /** A word the search matched. */
  match: boolean;
}

/**
 * Splits a search title or snippet on MATCH_START/MATCH_END into plain and
 * matched parts, so they can be rendered as text and <mark>, never as HTML.
 * A stray or missing marker never drops text: it only ends or starts a match.
 */
export function splitMarks(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let match = false;
  let text = '';
  const push = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const ch of marked) {
    if (ch === MATCH_START || ch === MATCH_END) {
      push();
      match = ch === MATCH_START;
    } else {
      text += ch;
    }
  }
  push();
  return parts;
}
