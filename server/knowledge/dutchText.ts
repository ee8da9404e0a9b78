/**
 * Small, pure text rules for Dutch search and similarity: fold case and accents,
 * stem with the Snowball Dutch stemmer (snowball-stemmers), and let the search
 * match a word or its stem as a prefix. So "mandaten" finds "mandaat" (both stem
 * to "mandat"), "drempels" finds "drempel", "woningen" finds "woningbouw", and
 * "coordinatie" finds "coördinatie". The index keeps each item's stems in a
 * column of their own (migration 4), so a stem that is not a prefix of the
 * written word ("mandat" of "mandaat") is found too.
 */
import { createRequire } from 'node:module';

// snowball-stemmers is CommonJS without types; the Dutch stemmer is one object, reused.
const snowball = createRequire(import.meta.url)('snowball-stemmers') as {
  newStemmer(language: string): { stem(word: string): string };
};
const dutch = snowball.newStemmer('dutch');

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

/** The Snowball stem of one folded word; numbers and words of three letters or fewer stay as they are. */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  return dutch.stem(word);
}

/** What the index's stems column holds for a text: the stem of every word, space separated. */
export function stemsOf(text: string): string {
  return words(text).map(stem).join(' ');
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
 * a prefix of itself or of its stem. Each term is quoted, so no user input is read as
 * FTS5 syntax. Null when nothing searchable is left.
 */
export function buildMatch(query: string): string | null {
  const typed = [...new Set(words(query))].filter((t) => t.length > 0).slice(0, 12);
  if (typed.length === 0) return null;
  return typed
    .map((w) => {
      // The word as typed (a prefix of what is written), or its stem (a prefix of the stems
      // column). Snowball keeps the "s" after a vowel ("subsidies"); the word without it is
      // tried too, so a plural still finds the singular's compounds ("subsidieregeling").
      const forms = [...new Set([w, stem(w), w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w])];
      return forms.length === 1 ? `"${w}"*` : `(${forms.map((f) => `"${f}"*`).join(' OR ')})`;
    })
    .join(' AND ');
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
