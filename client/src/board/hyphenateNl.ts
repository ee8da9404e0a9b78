// A named import: a default import of this CommonJS module would add an interop helper to the shared (phone) chunk.
import { hyphenateSync } from 'hyphen/nl';

/**
 * Dutch hyphenation for card titles on the shared screen and the facilitator's board.
 * Linux Chromium has no Dutch dictionary, so CSS `hyphens: auto` alone never breaks
 * "Energietransitie"; instead the title gets soft hyphens (U+00AD) at the places Dutch
 * patterns allow (`hyphen` with the Dutch TeX patterns, ~48 KB gzipped), and the browser
 * breaks a line only there or at a space, drawing a hyphen where it breaks inside a word.
 * Only the screen's label chunk imports this module, so the phone never downloads it.
 */
const cache = new Map<string, string>();

/**
 * Words of fewer than 14 letters stay whole: they fit on one line of every label, so a
 * break point would never be used, and the text stays plain (search, copy, find in page).
 */
const MIN_WORD = 14;

export function hyphenateNl(text: string): string {
  let out = cache.get(text);
  if (out === undefined) {
    out = hyphenateSync(text, { minWordLength: MIN_WORD });
    if (cache.size > 2000) cache.clear();
    cache.set(text, out);
  }
  return out;
}
