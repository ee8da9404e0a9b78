import { useCallback, useSyncExternalStore } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import { nl, type MessageKey as CoreKey } from './nl';
import type { nlKnowledge } from './nl.knowledge';
import type { nlCockpit } from './nl.cockpit';
import type { nlFollowUp } from './nl.followUp';
import type { nlAccounts } from './nl.accounts';

/**
 * Every text key. The knowledge centre's texts are typed here but loaded only
 * with its views (client/src/i18n/knowledge.ts calls addMessages), so a phone
 * never downloads them.
 */
export type MessageKey = CoreKey | keyof typeof nlKnowledge | keyof typeof nlCockpit | keyof typeof nlFollowUp | keyof typeof nlAccounts;
export type Lang = 'nl' | 'en';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Compile-time check: every error code in shared/errors.ts has a Dutch (and so an English) text. */
const _everyErrorHasText: Record<`error.${ErrorCode}`, string> = nl;

const STORAGE_KEY = 'regiebord.lang';
// The knowledge-centre keys are filled in by addMessages when those views load. The English core
// texts load on demand (loadEnglish): most phones are Dutch, and the phone bundle has a budget.
const dictionaries = { nl: { ...nl }, en: {} } as Record<Lang, Record<MessageKey, string>>;
const listeners = new Set<() => void>();
let english: Promise<void> | null = null;

/** Loads the English core texts once; later texts added by lazy views stay (they win: they came with their view). */
function loadEnglish(): Promise<void> {
  english ??= import('./en').then(({ en }) => {
    dictionaries.en = { ...en, ...dictionaries.en };
  });
  // Offline, the import fails: the next switch tries again.
  english.catch(() => (english = null));
  return english;
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

let current: Lang = readStoredLang();
document.documentElement.lang = current;

/** Resolves when the stored language's texts are there: main.tsx renders after it (no Dutch flash for English readers). */
export const i18nReady: Promise<void> = current === 'en' ? loadEnglish().catch(() => undefined) : Promise.resolve();

export function getLang(): Lang {
  return current;
}

let wanted: Lang = current;

export function setLang(lang: Lang): void {
  wanted = lang;
  if (lang === current) return;
  // Switch once the texts are there; offline without them the page stays in the language it has.
  if (lang === 'en' && !dictionaries.en['app.name']) {
    void loadEnglish().then(() => wanted === lang && setLang(lang), () => undefined);
    return;
  }
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const fn of listeners) fn();
}

/** Adds texts that load with a lazy view (both languages, the same keys). */
export function addMessages<K extends MessageKey>(nlPart: Record<K, string>, enPart: Record<K, string>): void {
  Object.assign(dictionaries.nl, nlPart);
  Object.assign(dictionaries.en, enPart);
  for (const fn of listeners) fn();
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** A text in a language; Dutch while the English texts are still loading. */
function lookup(lang: Lang, key: MessageKey): string {
  return dictionaries[lang][key] ?? dictionaries.nl[key];
}

function format(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Translate outside React (uses the current language). */
export function t(key: MessageKey, vars?: Vars): string {
  return format(lookup(current, key), vars);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dictionaries.nl, key);
}

/** The key for an error code from the server (or 'NETWORK'); unknown codes fall back to INTERNAL. */
export function errorKey(code: string): MessageKey {
  const key = `error.${code}`;
  return isMessageKey(key) ? key : 'error.INTERNAL';
}

/** The current language and a translate function; the component re-renders when the language changes. */
export function useI18n(): { lang: Lang; t: Translate } {
  const lang = useSyncExternalStore(subscribe, getLang);
  const translate = useCallback<Translate>((key, vars) => format(lookup(lang, key), vars), [lang]);
  return { lang, t: translate };
}
