import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { CARD_TITLE_MAX, type CardKind, type CardView } from '../../../../shared/board';
import type { RegisterEntry } from '../../../../shared/knowledge';
import { api, errorCode } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';

/** Lower case without accents, so "cooperatie" finds "Coöperatie". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

interface Props {
  workshopId: string;
  cards: CardView[];
}

/**
 * Preparing the board: entries from the organisation's register (filter by text and
 * kind, tick the ones to use) and new domains or projects (which join the register).
 * The server puts them on the board; they arrive here through the board document.
 */
export function RegisterPicker({ workshopId, cards }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [entries, setEntries] = useState<RegisterEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<'' | CardKind>('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [newTitle, setNewTitle] = useState('');
  const [newKind, setNewKind] = useState<CardKind>('domain');
  const [newDepartment, setNewDepartment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    try {
      const res = await api<{ entries: RegisterEntry[] }>('/api/register');
      setEntries(res.entries);
      setLoadError(null);
    } catch (err) {
      setLoadError(errorCode(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const onBoard = useMemo(() => new Set(cards.map((c) => c.registerId).filter((r): r is string => r !== null)), [cards]);
  const shown = useMemo(() => {
    const q = fold(query.trim());
    return (entries ?? []).filter((e) => (!kind || e.kind === kind) && (!q || fold(`${e.title} ${e.department}`).includes(q)));
  }, [entries, query, kind]);

  function toggle(entryId: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(entryId);
    else next.delete(entryId);
    setChosen(next);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone('');
    setError(null);
    const title = newTitle.trim();
    const registerIds = [...chosen].filter((r) => !onBoard.has(r));
    if (registerIds.length === 0 && !title) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const body = { registerIds, cards: title ? [{ kind: newKind, title, department: newDepartment.trim() }] : [] };
      const res = await api<{ cardIds: string[] }>(`/api/workshops/${workshopId}/cards`, { method: 'POST', body });
      setChosen(new Set());
      setNewTitle('');
      setNewDepartment('');
      setDone(t('lasting.register.added', { count: res.cardIds.length }));
      void load();
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  }

  const kindLabel = (k: CardKind) => t(k === 'domain' ? 'card.domain' : 'card.project');

  return (
    <section className="rb-panel rb-register" id="register" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('lasting.register.title')}
      </h2>
      <p className="rb-field__hint">{t('lasting.register.intro')}</p>
      <form className="rb-form" onSubmit={submit} aria-busy={busy}>
        {loadError && (
          <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
            {t('lasting.register.loadFailed')}
          </p>
        )}
        {entries === null && !loadError && <p className="rb-loading">{t('app.loading')}</p>}
        {entries !== null && entries.length === 0 && <p>{t('lasting.register.empty')}</p>}
        {entries !== null && entries.length > 0 && (
          <>
            <div className="rb-filters">
              <TextField label={t('lasting.register.filter')} type="search" value={query} onValue={setQuery} autoComplete="off" />
              <div className="rb-field">
                <label className="rb-field__label" htmlFor={`${id}-kind`}>
                  {t('lasting.register.kind')}
                </label>
                <select id={`${id}-kind`} className="utrecht-select rb-input" value={kind} onChange={(e) => setKind(e.target.value as '' | CardKind)}>
                  <option value="">{t('lasting.register.kindAll')}</option>
                  <option value="domain">{kindLabel('domain')}</option>
                  <option value="project">{kindLabel('project')}</option>
                </select>
              </div>
            </div>
            <fieldset className="rb-readonly">
              <legend className="rb-subtitle">{t('lasting.register.list')}</legend>
              {shown.length === 0 ? (
                <p role="status">{t('lasting.register.noMatch')}</p>
              ) : (
                <ul className="rb-register__list">
                  {shown.map((entry) => {
                    const already = onBoard.has(entry.id);
                    const metaId = `${id}-meta-${entry.id}`;
                    return (
                      <li key={entry.id}>
                        <label className="rb-check">
                          <input
                            type="checkbox"
                            checked={already || chosen.has(entry.id)}
                            disabled={already}
                            aria-describedby={metaId}
                            onChange={(e) => toggle(entry.id, e.target.checked)}
                          />
                          {entry.title}
                        </label>
                        <span className="rb-register__meta" id={metaId}>
                          {[
                            kindLabel(entry.kind),
                            entry.department,
                            t('lasting.register.used', { count: entry.workshopCount }),
                            already ? t('lasting.register.onBoard') : '',
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </fieldset>
          </>
        )}
        <fieldset className="rb-readonly">
          <legend className="rb-subtitle">{t('lasting.register.newTitle')}</legend>
          <TextField label={t('lasting.register.newField')} value={newTitle} onValue={setNewTitle} maxLength={CARD_TITLE_MAX} autoComplete="off" />
          <div className="rb-field">
            <label className="rb-field__label" htmlFor={`${id}-newkind`}>
              {t('lasting.register.newKind')}
            </label>
            <select id={`${id}-newkind`} className="utrecht-select rb-input" value={newKind} onChange={(e) => setNewKind(e.target.value as CardKind)}>
              <option value="domain">{kindLabel('domain')}</option>
              <option value="project">{kindLabel('project')}</option>
            </select>
          </div>
          <TextField
            label={t('lasting.register.newDepartment')}
            value={newDepartment}
            onValue={setNewDepartment}
            maxLength={CARD_TITLE_MAX}
            autoComplete="off"
          />
        </fieldset>
        {missing && (
          <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
            {t('lasting.register.nothing')}
          </p>
        )}
        <ErrorAlert code={error} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={busy}>
          {busy ? t('form.busy') : t('lasting.register.submit')}
        </button>
        <p className="rb-status-note" role="status">
          {done}
        </p>
      </form>
    </section>
  );
}
