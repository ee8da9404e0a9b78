import { setLang, useI18n, type Lang } from '../i18n';

const LANGS: Lang[] = ['nl', 'en'];

/** NL / EN toggle in the header; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { lang, t } = useI18n();
  return (
    <div className="rb-lang" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className="rb-lang__button"
          lang={l}
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
        >
          {/* The visible abbreviation stays part of the name (speech input: "click EN"). */}
          {l.toUpperCase()}
          <span className="rb-sr-only"> – {t(l === 'nl' ? 'lang.nl' : 'lang.en')}</span>
        </button>
      ))}
    </div>
  );
}
