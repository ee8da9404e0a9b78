import type { Lang } from '../../i18n';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'nl-NL');

/** A day, short: "3 mrt 2026". */
export function formatDay(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium' }).format(ms);
}

/** A day, long, with the time: "dinsdag 3 maart 2026 om 14:05". */
export function formatLong(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'full', timeStyle: 'short' }).format(ms);
}

/** A number with two decimals in the language's own way ("0,25" / "0.25"). */
export function formatUnit(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of a moment as yyyy-mm-dd (for <input type="date"> and "today"). */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The end of a local day (yyyy-mm-dd) in ms, or null when it is not a date. */
export function endOfDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  return Number.isNaN(d.getTime()) ? null : d.getTime();
}
