import { useId, useState, type FormEvent } from 'react';
import type { RegisterEntry } from '../../../../shared/knowledge';
import type { ProgressReport } from '../../../../shared/progressReport';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { TextField } from '../../components/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n } from '../../i18n';
import '../../styles/followUp.css';
import { ProgressReportView } from '../followUp/ProgressReportView';
import { formatDay, isoDay } from './format';
import { failure, useApiData } from './useApiData';

type Scope = 'all' | 'entry' | 'theme';
interface PublishedPage {
  id: string;
  audience: 'link' | 'employees';
  createdAt: number;
  revokedAt: number | null;
}

/** /kenniscentrum/voortgang: the council's progress report over a period and selection, its downloads, and publishing it for the organisation. */
export function ProgressSection() {
  const { t, lang } = useI18n();
  useDocumentTitle(`${t('fu.report.title')} – ${t('kc.title')}`);
  const uid = useId();
  const today = isoDay(Date.now());
  const [from, setFrom] = useState(isoDay(Date.now() - 365 * 86_400_000));
  const [to, setTo] = useState(today);
  const [scope, setScope] = useState<Scope>('all');
  const [entry, setEntry] = useState('');
  const [theme, setTheme] = useState('');
  const [query, setQuery] = useState(() => new URLSearchParams({ from, to, scope: 'all' }).toString());
  const { state } = useApiData<{ report: ProgressReport }>(`/api/knowledge/progress-report?${query}`);
  // Loaded once the report came (signed in): one 401 sends the reader to the login page, not three.
  const signedIn = state.kind === 'ready';
  const register = useApiData<{ entries: RegisterEntry[] }>(signedIn ? '/api/register' : null).state;
  const pages = useApiData<{ pages: PublishedPage[] }>(signedIn ? '/api/knowledge/progress-pages' : null);
  const [made, setMade] = useState<{ path: string; feed: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { message, announce } = useAnnouncer();

  const selection = () => {
    const q = new URLSearchParams({ scope });
    if (scope === 'entry' && entry) q.set('entry', entry);
    if (scope === 'theme' && theme.trim()) q.set('theme', theme.trim());
    return q;
  };
  function show(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = selection();
    q.set('from', from);
    q.set('to', to);
    setQuery(q.toString());
  }
  async function publish(audience: 'link' | 'employees') {
    setError(null);
    try {
      const q = selection();
      const body = { audience, scope, ...(q.get('entry') ? { entry: q.get('entry') } : {}), ...(q.get('theme') ? { theme: q.get('theme') } : {}) };
      const res = await api<{ path: string; feed: string }>('/api/knowledge/progress-pages', { method: 'POST', body });
      setMade({ path: location.origin + res.path, feed: location.origin + res.feed });
      announce(t('fu.publish.made', { page: res.path, feed: res.feed }));
      pages.reload();
    } catch (err) {
      setError(failure(err));
    }
  }
  async function withdraw(id: string) {
    setError(null);
    try {
      await api(`/api/knowledge/progress-pages/${id}`, { method: 'DELETE' });
      pages.reload();
    } catch (err) {
      setError(failure(err));
    }
  }

  const entries = register.kind === 'ready' ? register.data.entries : [];
  const download = (format: 'docx' | 'pdf', l: 'nl' | 'en') => `/api/knowledge/progress-report?${query}&format=${format}&lang=${l}`;

  return (
    <>
      <h1>{t('fu.report.title')}</h1>
      <p className="rb-kc-intro">{t('fu.report.intro')}</p>
      <form className="rb-fu-form" onSubmit={show} aria-label={t('fu.report.title')}>
        <TextField label={t('fu.report.from')} type="date" value={from} onValue={setFrom} required />
        <TextField label={t('fu.report.to')} type="date" value={to} onValue={setTo} required />
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${uid}-scope`}>
            {t('fu.report.scope')}
          </label>
          <select id={`${uid}-scope`} className="utrecht-select rb-input" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            <option value="all">{t('fu.report.scope.all')}</option>
            <option value="entry">{t('fu.report.scope.entry')}</option>
            <option value="theme">{t('fu.report.scope.theme')}</option>
          </select>
        </div>
        {scope === 'entry' && (
          <div className="rb-field">
            <label className="rb-field__label" htmlFor={`${uid}-entry`}>
              {t('fu.report.entry')}
            </label>
            <select id={`${uid}-entry`} className="utrecht-select rb-input" value={entry} onChange={(e) => setEntry(e.target.value)} required>
              <option value="" />
              {entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {scope === 'theme' && <TextField label={t('fu.report.theme')} value={theme} onValue={setTheme} maxLength={120} required list={`${uid}-themes`} />}
        <datalist id={`${uid}-themes`}>
          {[...new Set(entries.map((e) => e.department).filter(Boolean))].map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button">
          {t('fu.report.show')}
        </button>
      </form>

      <h2>{t('fu.report.downloads')}</h2>
      <ul className="rb-fu-downloads">
        <li>
          <a href={download('docx', 'nl')} download>
            {t('fu.report.docx')}
          </a>
        </li>
        <li>
          <a href={download('docx', 'en')} download>
            {t('fu.report.docxEn')}
          </a>
        </li>
        <li>
          <a href={download('pdf', 'nl')} download>
            {t('fu.report.pdf')}
          </a>
        </li>
      </ul>

      {state.kind === 'loading' && <p className="rb-loading">{t('app.loading')}</p>}
      {state.kind === 'error' && <ErrorAlert code={state.code} />}
      {state.kind === 'ready' && <ProgressReportView report={state.data.report} pictureSrc={`/api/knowledge/progress-report?${query}&format=svg&lang=${lang}`} />}

      <section aria-labelledby={`${uid}-publish`}>
        <h2 id={`${uid}-publish`}>{t('fu.publish.title')}</h2>
        <p>{t('fu.publish.intro')}</p>
        <p className="rb-fu-downloads">
          <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void publish('link')}>
            {t('fu.publish.link')}
          </button>
          <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void publish('employees')}>
            {t('fu.publish.employees')}
          </button>
        </p>
        {made && (
          <p className="rb-fu-sub" data-testid="published">
            {t('fu.publish.made', { page: made.path, feed: made.feed })}
          </p>
        )}
        <ErrorAlert code={error} />
        {pages.state.kind === 'ready' && pages.state.data.pages.length > 0 && (
          <>
            <h3>{t('fu.publish.list')}</h3>
            <ul>
              {pages.state.data.pages.map((p) => (
                <li key={p.id}>
                  {p.audience === 'link' ? t('fu.publish.linkKind') : t('fu.publish.employeesKind')}, {t('fu.publish.since', { date: formatDay(p.createdAt, lang) })}
                  {p.revokedAt ? (
                    ` (${t('fu.publish.withdrawn')})`
                  ) : (
                    <>
                      {' '}
                      <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={() => void withdraw(p.id)}>
                        {t('fu.publish.withdraw')}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <LiveRegion message={message} />
    </>
  );
}
