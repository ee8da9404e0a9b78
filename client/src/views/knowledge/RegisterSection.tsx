import { useId, useState, type FormEvent } from 'react';
import type { CardKind } from '../../../../shared/board';
import { CARD_KINDS, CARD_TEXT_MAX, CARD_TITLE_MAX } from './limits';
import type { RegisterEntry } from '../../../../shared/knowledge';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n } from '../../i18n';
import { failure, useApiData } from './useApiData';

export const KIND_LABEL = { domain: 'card.domain', project: 'card.project' } as const;

/** /kenniscentrum/register: every policy domain and project, and a form to add one. */
export function RegisterSection() {
  const { t, lang } = useI18n();
  useDocumentTitle(`${t('kc.nav.register')} – ${t('kc.title')}`);
  const id = useId();
  const { state, reload } = useApiData<{ entries: RegisterEntry[] }>('/api/register');
  const { message, announce } = useAnnouncer();

  if (state.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;
  const entries = state.kind === 'ready' ? [...state.data.entries].sort((a, b) => a.title.localeCompare(b.title, lang)) : [];

  return (
    <>
      <h1>{t('kc.nav.register')}</h1>
      <p className="rb-kc-intro">{t('kc.register.intro')}</p>
      {state.kind === 'error' && <ErrorAlert code={state.code} />}
      <div className="rb-columns">
        <section className="rb-panel rb-columns__main" aria-labelledby={`${id}-list`}>
          <h2 className="rb-panel__title" id={`${id}-list`}>
            {t('kc.register.listTitle', { count: entries.length })}
          </h2>
          {entries.length === 0 ? (
            <p>{t('kc.register.empty')}</p>
          ) : (
            <div className="rb-kc-table-wrap" role="region" aria-labelledby={`${id}-list`} tabIndex={0}>
              <table className="utrecht-table rb-kc-table" data-testid="register-table">
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.name')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.kind')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.department')}</th>
                    <th scope="col" className="utrecht-table__header-cell rb-kc-num">
                      {t('kc.col.workshops')}
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {entries.map((e) => (
                    <tr className="utrecht-table__row" key={e.id}>
                      <th scope="row" className="utrecht-table__header-cell rb-kc-rowhead">
                        <Link href={`/kenniscentrum/register/${e.id}`}>{e.title}</Link>
                      </th>
                      <td className="utrecht-table__cell rb-kc-nowrap">
                        <span className={`rb-kind-icon rb-kind-icon--${e.kind}`} aria-hidden="true" /> {t(KIND_LABEL[e.kind])}
                      </td>
                      <td className="utrecht-table__cell">{e.department}</td>
                      <td className="utrecht-table__cell rb-kc-num">{e.workshopCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <div className="rb-columns__side">
          <AddEntryForm
            onAdded={(title) => {
              announce(t('kc.register.added', { title }));
              reload();
            }}
          />
        </div>
      </div>
      <LiveRegion message={message} />
    </>
  );
}

function AddEntryForm({ onAdded }: { onAdded: (title: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<CardKind>('domain');
  const [title, setTitle] = useState('');
  const [department, setDepartment] = useState('');
  const [description, setDescription] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const clean = title.trim();
    if (!clean) {
      setTitleError(t('card.titleEmpty'));
      return;
    }
    setTitleError(null);
    setError(null);
    setBusy(true);
    try {
      await api('/api/register', { method: 'POST', body: { kind, title: clean, department: department.trim(), description: description.trim() } });
      setTitle('');
      setDepartment('');
      setDescription('');
      onAdded(clean);
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('kc.register.addTitle')}
      </h2>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset className="rb-choice">
          <legend className="rb-field__label">{t('card.kindLegend')}</legend>
          {CARD_KINDS.map((k) => (
            <label key={k} className="rb-choice__option">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span className={`rb-kind-icon rb-kind-icon--${k}`} aria-hidden="true" />
              <span>
                <span className="rb-choice__label">{t(KIND_LABEL[k])}</span>
                <span className="rb-choice__hint">{t(k === 'domain' ? 'card.kindDomainHint' : 'card.kindProjectHint')}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('kc.register.titleField')}
          value={title}
          onValue={(v) => {
            setTitle(v);
            if (titleError) setTitleError(null);
          }}
          maxLength={CARD_TITLE_MAX}
          error={titleError}
          autoComplete="off"
        />
        <TextField label={t('card.departmentField')} value={department} onValue={setDepartment} maxLength={CARD_TITLE_MAX} />
        <TextArea label={t('card.descriptionField')} value={description} onValue={setDescription} maxLength={CARD_TEXT_MAX} />
        <ErrorAlert code={error} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={busy}>
          {busy ? t('form.busy') : t('kc.register.addSubmit')}
        </button>
      </form>
    </section>
  );
}
