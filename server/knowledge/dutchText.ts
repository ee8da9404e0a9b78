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

type Stemmer = { stem(word: string): string };
let dutch: Stemmer | undefined;

/**
 * The Dutch stemmer, one object, reused. snowball-stemmers (CommonJS, without types) holds every
 * language in one 850 KB file: it is loaded with the first word stemmed, not at start, so a
 * server that is not indexing or searching does not hold it (docs/performance.md).
 */
function dutchStemmer(): Stemmer {
  dutch ??= (createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(language: string): Stemmer }).newStemmer('dutch');
  return dutch;
}

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
  return dutchStemmer().stem(word);
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
 * What a search looks for, for either storage engine: per word typed (folded, at
 * most 12, no repeats) its alternative forms, each matched as a prefix of a word
 * of the item or of its stems; every word must match one of its forms. The forms:
 * the word as typed (a prefix of what is written), its stem (a prefix of the
 * stems), and, since Snowball keeps the "s" after a vowel ("subsidies"), the word
 * without it, so a plural still finds the singular's compounds ("subsidieregeling").
 */
export function searchForms(query: string): string[][] {
  const typed = [...new Set(words(query))].filter((t) => t.length > 0).slice(0, 12);
  return typed.map((w) => [...new Set([w, stem(w), w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w])]);
}

/**
 * The FTS5 match expression (SQLite) for these forms. Each term is quoted, so no
 * user input is read as FTS5 syntax. Null when nothing searchable is left.
 */
export function matchExpression(forms: string[][]): string | null {
  if (forms.length === 0) return null;
  return forms
    .map((alternatives) =>
      alternatives.length === 1 ? `"${alternatives[0]}"*` : `(${alternatives.map((f) => `"${f}"*`).join(' OR ')})`,
    )
    .join(' AND ');
}

/** The FTS5 match expression for what a user typed (see searchForms). */
export function buildMatch(query: string): string | null {
  return matchExpression(searchForms(query));
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

