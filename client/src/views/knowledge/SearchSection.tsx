import { useEffect, useId, useState, type FormEvent } from 'react';
import { SEARCH_TYPES, type SearchHit, type SearchResult, type SearchType } from '../../../../shared/knowledge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { TextField } from '../../components/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n, type MessageKey } from '../../i18n';
import { navigate, useSearch } from '../../router';
import { formatDay } from './format';
import { Marked } from './Marked';
import { useApiData } from './useApiData';

export const TYPE_LABEL: Record<SearchType, MessageKey> = {
  workshop: 'kc.type.workshop',
  card: 'kc.type.card',
  barrier: 'kc.type.barrier',
  proposal: 'kc.type.proposal',
};
const GROUP_LABEL: Record<SearchType, MessageKey> = {
  workshop: 'kc.types.workshop',
  card: 'kc.types.card',
  barrier: 'kc.types.barrier',
  proposal: 'kc.types.proposal',
};

/** Where a hit is shown: the workshop's report, scrolled to the item. */
export function hitHref(hit: SearchHit): string {
  return hit.type === 'workshop' ? `/rapport/${hit.workshopId}` : `/rapport/${hit.workshopId}#item-${hit.itemId}`;
}

function isSearchType(value: string | null): value is SearchType {
  return (SEARCH_TYPES as readonly (string | null)[]).includes(value);
}

/** /kenniscentrum/zoeken?q=…&type=…: full-text search over every workshop; the URL holds the query. */
export function SearchSection() {
  const { t, lang } = useI18n();
  const id = useId();
  const search = useSearch();
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').trim();
  const typeParam = params.get('type');
  const type: SearchType | '' = isSearchType(typeParam) ? typeParam : '';
  useDocumentTitle(q ? `${q} – ${t('kc.nav.search')}` : `${t('kc.nav.search')} – ${t('kc.title')}`);

  const [text, setText] = useState(q);
  const [kind, setKind] = useState<SearchType | ''>(type);
  const [fieldError, setFieldError] = useState<string | null>(null);
  // Back and forward change the URL: the form follows it.
  useEffect(() => {
    setText(q);
    setKind(type);
  }, [q, type]);

  const path = q ? `/api/knowledge/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}` : null;
  const { state } = useApiData<SearchResult>(path);
  const result = state.kind === 'ready' && path ? state.data : null;
  const current = result !== null && result.query.trim() === q;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const words = text.trim();
    if (!words) {
      setFieldError(t('kc.search.empty'));
      return;
    }
    setFieldError(null);
    navigate(`/kenniscentrum/zoeken?q=${encodeURIComponent(words)}${kind ? `&type=${kind}` : ''}`);
  }

  const hits = current ? result.hits : [];
  const status = !q
    ? ''
    : !current
      ? t('app.loading')
      : hits.length === 0
        ? t('kc.search.none', { q })
        : hits.length === 1
          ? t('kc.search.resultsOne', { q })
          : t('kc.search.results', { count: hits.length, q });

  return (
    <>
      <h1>{t('kc.nav.search')}</h1>
      <p className="rb-kc-intro">{t('kc.search.intro')}</p>
      <form role="search" className="rb-kc-filters rb-kc-search" onSubmit={submit} noValidate>
        <TextField
          label={t('kc.search.field')}
          type="search"
          value={text}
          onValue={(v) => {
            setText(v);
            if (fieldError) setFieldError(null);
          }}
          maxLength={200}
          autoComplete="off"
          error={fieldError}
        />
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-type`}>
            {t('kc.search.type')}
          </label>
          <select id={`${id}-type`} className="utrecht-select rb-input" value={kind} onChange={(e) => setKind(e.target.value as SearchType | '')}>
            <option value="">{t('kc.all')}</option>
            {SEARCH_TYPES.map((st) => (
              <option key={st} value={st}>
                {t(TYPE_LABEL[st])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button">
          {t('kc.search.submit')}
        </button>
      </form>

      {state.kind === 'error' && path && <ErrorAlert code={state.code} />}
      <div className="rb-kc-search__status">
        <p role="status" aria-live="polite" data-testid="search-status">
          {status}
        </p>
        {current && (
          <p className="rb-kc-muted" data-testid="search-took">
            {t('kc.search.took', { ms: Math.round(result.tookMs) })}
          </p>
        )}
      </div>

      {SEARCH_TYPES.map((st) => {
        const group = hits.filter((h) => h.type === st);
        if (group.length === 0) return null;
        return (
          <section key={st} className="rb-kc-hits" aria-labelledby={`${id}-${st}`}>
            <h2 id={`${id}-${st}`}>{t(GROUP_LABEL[st], { count: group.length })}</h2>
            <ul className="rb-kc-hits__list">
              {group.map((hit) => (
                <li key={`${hit.type}-${hit.itemId}`} className="rb-kc-hit" data-testid="search-hit">
                  <Link className="rb-kc-hit__title" href={hitHref(hit)}>
                    <Marked text={hit.title} />
                  </Link>
                  <p className="rb-kc-hit__meta">
                    <span className="rb-kc-tag">{t(TYPE_LABEL[hit.type])}</span>{' '}
                    {t('kc.search.in', { title: hit.workshopTitle, date: formatDay(hit.workshopCreatedAt, lang) })}
                  </p>
                  {hit.snippet && (
                    <p className="rb-kc-hit__snippet">
                      <Marked text={hit.snippet} />
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
