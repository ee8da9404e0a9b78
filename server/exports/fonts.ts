import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

/**
 * The fonts of the PNG and PDF exports, never the machine's (a fresh server may have none).
 *
 * - DejaVu Sans, bundled in ./fonts (licence in fonts/README.md): Latin with Turkish, Polish and
 *   every other European letter, Greek, Cyrillic, Arabic, Hebrew, arrows and common symbols.
 * - Noto Emoji (monochrome, SIL OFL 1.1) from the npm package @expo-google-fonts/noto-emoji,
 *   which ships TrueType files: resvg reads only TrueType/OpenType, not the WOFF2 of
 *   @fontsource. Monochrome on purpose: pdfkit cannot draw colour glyphs, and the PNG and the
 *   PDF should show the same emoji.
 *
 * Resolved from this module, not from the working directory: the server runs with tsx from the
 * repository, tests from wherever Vitest starts.
 */
export const FONT_FAMILY = 'DejaVu Sans';
export const EMOJI_FAMILY = 'Noto Emoji';
export const FONT_REGULAR = fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));
export const FONT_BOLD = fileURLToPath(new URL('./fonts/DejaVuSans-Bold.ttf', import.meta.url));
const require = createRequire(import.meta.url);
export const EMOJI_REGULAR = require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf');
export const EMOJI_BOLD = require.resolve('@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf');

/** Every font file the exports load, for resvg. */
export const ALL_FONT_FILES = [FONT_REGULAR, FONT_BOLD, EMOJI_REGULAR, EMOJI_BOLD];

/** The names pdfkit knows the fonts by (registerFont). */
export type PdfFontName = 'body' | 'bold' | 'emoji' | 'emojiBold';
export const PDF_FONTS: Record<PdfFontName, string> = {
  body: FONT_REGULAR,
  bold: FONT_BOLD,
  emoji: EMOJI_REGULAR,
  emojiBold: EMOJI_BOLD,
};

/** A piece of text that one font draws whole. */
export interface FontRun {
  font: PdfFontName;
  text: string;
  /** A right-to-left run (Arabic, Hebrew): its letters are drawn right to left. */
  rtl?: boolean;
}

/** Each font is read on first use: a report without emoji never parses the emoji fonts. */
const opened = new Map<PdfFontName, fontkit.Font>();
function font(name: PdfFontName): fontkit.Font {
  let f = opened.get(name);
  if (!f) {
    f = fontkit.openSync(PDF_FONTS[name]) as fontkit.Font;
    opened.set(name, f);
  }
  return f;
}

/**
 * Code points that only change the character before them (zero-width joiner, variation
 * selectors, skin tones, tags, the keycap): they stay in that character's font, or an emoji
 * sequence such as 👩‍🚀 would be torn apart.
 */
const JOINER = /^[\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]$/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const LTR = /[\p{L}\p{N}]/u;
const graphemes = new Intl.Segmenter('nl', { granularity: 'grapheme' });

function covers(name: PdfFontName, cluster: string): boolean {
  return Array.from(cluster).every((c) => JOINER.test(c) || font(name).hasGlyphForCodePoint(c.codePointAt(0)!));
}

/**
 * pdfkit draws a text with one font and has no fallback, so a title with 🚲 would show an empty
 * box. This splits a text into runs that one font draws whole: DejaVu where it has the glyphs,
 * Noto Emoji for an emoji DejaVu lacks or one written as an emoji sequence (with U+FE0F or a
 * joiner). A run also ends where the writing direction changes, because fontkit shapes and
 * orders a run by its first script: Arabic letters in their own run are joined and drawn right
 * to left. (resvg does all this itself: it falls back per character and applies the
 * bidirectional algorithm.) A character no font has stays in the body font.
 */
export function fontRuns(text: string, bold = false): FontRun[] {
  const primary: PdfFontName = bold ? 'bold' : 'body';
  const emoji: PdfFontName = bold ? 'emojiBold' : 'emoji';
  const pieces = [...graphemes.segment(text)].map(({ segment }) => {
    const sequence = PICTOGRAPHIC.test(segment) && /[\u200d\ufe0f\u{1f3fb}-\u{1f3ff}]/u.test(segment);
    const chosen =
      sequence && covers(emoji, segment) ? emoji : covers(primary, segment) ? primary : covers(emoji, segment) ? emoji : primary;
    const dir: 'ltr' | 'rtl' | null = RTL.test(segment) ? 'rtl' : LTR.test(segment) ? 'ltr' : null;
    return { segment, font: chosen, dir };
  });
  // Spaces and punctuation between two right-to-left letters belong to that right-to-left run
  // (so "مركز الحي" stays one run, its words in right-to-left order); elsewhere they are left
  // to right, the paragraph's direction, so "مركز (Domein)" keeps its bracket outside.
  const strongBefore = (i: number) => pieces.slice(0, i).findLast((p) => p.dir)?.dir ?? 'ltr';
  const strongAfter = (i: number) => pieces.slice(i + 1).find((p) => p.dir)?.dir ?? 'ltr';
  const runs: (FontRun & { dir: 'ltr' | 'rtl' })[] = [];
  pieces.forEach((p, i) => {
    const dir = p.dir ?? (strongBefore(i) === 'rtl' && strongAfter(i) === 'rtl' ? 'rtl' : 'ltr');
    const last = runs.at(-1);
    if (last && last.font === p.font && last.dir === dir) last.text += p.segment;
    else runs.push({ font: p.font, text: p.segment, dir });
  });
  return runs.map(({ font: f, text: t, dir }) => ({ font: f, text: t, ...(dir === 'rtl' ? { rtl: true } : {}) }));
}

/**
 * fontRuns in the order pdfkit must write them. fontkit shapes each Arabic word and draws its
 * letters right to left, but pdfkit's line wrapper moves the spaces of a right-to-left run, so
 * the words of such a run are handed over one by one, last word first. (Not for the SVG: resvg
 * applies the bidirectional algorithm itself.)
 */
export function pdfRuns(text: string, bold = false): FontRun[] {
  return fontRuns(text, bold).flatMap((run) =>
    run.rtl
      ? run.text
          .split(/(\s+)/)
          .filter(Boolean)
          .reverse()
          .map((part) => ({ font: run.font, text: part }))
      : [{ font: run.font, text: run.text }],
  );
}

/** The width of `text` in px at `size` px, as resvg and pdfkit draw it with these fonts. */
export function textWidth(text: string, size: number, bold = false): number {
  const key = `${bold ? 'b' : 'r'}${text}`;
  let units = widths.get(key);
  if (units === undefined) {
    units = 0;
    for (const run of fontRuns(text, bold)) {
      const f = font(run.font);
      units += (f.layout(run.text).advanceWidth / f.unitsPerEm) * 1000;
    }
    if (widths.size > 20_000) widths.clear();
    widths.set(key, units);
  }
  return (units / 1000) * size;
}
/** Widths in 1/1000 em by text: wrapping measures the same words many times. */
const widths = new Map<string, number>();

/** True when every character of `text` has a glyph in the font fontRuns gives it: no empty box. */
export function drawnWithoutGaps(text: string, bold = false): boolean {
  return fontRuns(text, bold).every((run) => covers(run.font, run.text.replace(/\s/g, '') || ' '));
}
