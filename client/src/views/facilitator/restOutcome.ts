import { errorCode } from '../../api';

/** A REST call as the outcome useAction() expects: ok, or the error code to show. */
export async function restOutcome(task: () => Promise<unknown>): Promise<{ ok: true } | { ok: false; code: string }> {
  try {
    await task();
    return { ok: true };
  } catch (err) {
    return { ok: false, code: errorCode(err) };
  }
}

/** A moment (ms) as a date people read: "27 november 2026". */
export function formatDay(ms: number, lang: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date(ms));
}

/** A moment (ms) with its time: "27 november 2026 om 19:05". */
export function formatMoment(ms: number, lang: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(ms));
}
