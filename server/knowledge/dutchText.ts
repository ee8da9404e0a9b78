/**
 * Small, pure text rules for Dutch search and similarity. Not a full stemmer
 * (Snowball would be one more dependency for a few lines of gain): fold case
 * and accents, strip the common plural and inflection endings, and let the
 * search match on the stem as a prefix. So "drempels" finds "drempel",
 * "woningen" finds "woningbouw", and "cafe" finds "café".
 */

/** Lower case, accents removed, only letters and digits kept (others become spaces). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(' ') : [];
}

const VOWELS = 'aeiou';

/** The stem of one folded word: plural and inflection endings off, a doubled last consonant undone. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('heden') && w.length > 7) return w.slice(0, -5) + 'heid';
  for (const ending of ['ingen', 'en', 'es', 's', 'e']) {
    if (w.endsWith(ending) && w.length - ending.length >= 3) {
      // "ingen" → keep "ing" (woningen → woning).
      w = ending === 'ingen' ? w.slice(0, -2) : w.slice(0, -ending.length);
      break;
    }
  }
  // stoppen → stopp → stop; but keep "ee"/"oo" vowels and short stems.
  const last = w[w.length - 1];
  if (w.length > 3 && last && last === w[w.length - 2] && !VOWELS.includes(last)) w = w.slice(0, -1);
  return w;
}

/** Frequent Dutch words that say nothing about the content (for similarity, not search). */
export const STOP_WORDS = new Set(
  (
    'de het een en van in op te dat die is niet voor met zijn er aan ook als bij of om door naar over dan nog wel ' +
    'geen wordt worden werd zo uit tot wat hun hij zij wij we je u ze ik maar meer veel heel kan kunnen moet moeten ' +
    'hebben heeft had was waren deze dit daar hier nu al tegen onder na zonder the of and to a in for on is are be'
  ).split(' '),
);

/**
 * An FTS5 match expression for what a user typed: every word must match, as
 * the prefix of its stem. Each term is quoted, so no user input is read as
 * FTS5 syntax. Null when nothing searchable is left.
 */
export function buildMatch(query: string): string | null {
  const terms = [...new Set(words(query).map(stem))].filter((t) => t.length > 0).slice(0, 12);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"*`).join(' AND ');
}

/** The content words of a text, stemmed, without stop words: for "reads alike". */
export function contentStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !STOP_WORDS.has(w) && w.length > 1)
      .map(stem),
  );
}

/** Jaccard similarity of two sets of stems, 0..1. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The terms a search looks for, for either storage engine: the folded, stemmed
 * words of what the user typed (at most 12, no repeats); an item matches when
 * every term is the prefix of one of its words.
 */
export function searchTerms(query: string): string[] {
  return [...new Set(words(query).map(stem))].filter((t) => t.length > 0).slice(0, 12);
}
