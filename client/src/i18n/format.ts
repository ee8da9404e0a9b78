import type { Lang } from './index';

/**
 * Dates and numbers in the visitor's language, through Intl (no hand-made formats):
 * Dutch uses nl-NL (1.234,5 · 1 maart 2027), English en-GB (1,234.5 · 1 March 2027).
 */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'nl-NL';
}

/** A fraction 0..1 as a whole percentage: 0.35 → "35%". */
export function formatPercent(fraction: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang)).format(value);
}

/** Where a position is, as text: "20% van links, 35% van boven". */
export function positionVars(pos: { x: number; y: number }, lang: Lang): { x: string; y: string } {
  return { x: formatPercent(pos.x, lang), y: formatPercent(pos.y, lang) };
}
