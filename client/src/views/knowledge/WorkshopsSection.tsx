import { Fragment, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { KnowledgeWorkshop } from '../../../../shared/knowledge';
import { api } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { LiveRegion, useAnnouncer } from '../../components/LiveAnnouncer';
import { TextField } from '../../components/TextField';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import { defaultPhaseTitle } from '../../method/phaseText';
import { CopyWorkshopForm, OriginLine } from './CopyWorkshopForm';
import { DeleteDialog } from './DeleteDialog';
import { TitleForm } from '../facilitator/TitleForm';
import { endOfDay, formatDay, isoDay } from './format';
import { SortHeader, type Sort } from './SortHeader';
import { failure, useApiData } from './useApiData';

type SortKey = 'date' | 'title' | 'participants';
type StatusFilter = '' | 'finished' | 'running';

/** Lower case without accents: "Café" and "cafe" are the same when filtering. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function phaseName(w: KnowledgeWorkshop, t: Translate): string {
  return w.phase.title.trim() || defaultPhaseTitle(w.phase.kind, t);
}

const FIRST_DIRECTION: Record<SortKey, Sort<SortKey>['dir']> = { date: 'descending', title: 'ascending', participants: 'descending' };

/** /kenniscentrum: every workshop, filtered and sorted, with its report and (for its facilitator) retention and deletion. */
export function WorkshopsSection() {
  const { t, lang } = useI18n();
  useDocumentTitle(`${t('kc.nav.workshops')} – ${t('kc.title')}`);
  const { state, reload } = useApiData<{ workshops: KnowledgeWorkshop[] }>('/api/knowledge/workshops');
  const [text, setText] = useState('');
  const [template, setTemplate] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [copying, setCopying] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort<SortKey>>({ key: 'date', dir: 'descending' });
  const [managing, setManaging] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<KnowledgeWorkshop | null>(null);
  const { message, announce } = useAnnouncer();
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();

  const all = useMemo(() => (state.kind === 'ready' ? state.data.workshops : []), [state]);
  const templates = useMemo(() => {
    const byId = new Map(all.map((w) => [w.templateId, w.templateName[lang]]));
    return [...byId].sort((a, b) => a[1].localeCompare(b[1], lang));
  }, [all, lang]);
  const shown = useMemo(() => {
    const q = fold(text.trim());
    const list = all.filter(
      (w) =>
        (!q || fold(w.title).includes(q) || fold(w.ownerName).includes(q)) &&
        (!template || w.templateId === template) &&
        (!status || (status === 'finished') === (w.finishedAt !== null)),
    );
    const sign = sort.dir === 'ascending' ? 1 : -1;
    const by: Record<SortKey, (a: KnowledgeWorkshop, b: KnowledgeWorkshop) => number> = {
      date: (a, b) => a.createdAt - b.createdAt,
      title: (a, b) => a.title.localeCompare(b.title, lang),
      participants: (a, b) => a.participantCount - b.participantCount || a.createdAt - b.createdAt,
    };
    return list.sort((a, b) => sign * by[sort.key](a, b));
  }, [all, text, template, status, sort, lang]);

  function sortBy(key: SortKey) {
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: FIRST_DIRECTION[key] }));
  }


  if (state.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;

  const columns = 8;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('kc.nav.workshops')}
      </h1>
      <p className="rb-kc-intro">{t('kc.workshops.intro')}</p>
      {state.kind === 'error' && <ErrorAlert code={state.code} />}

      <form className="rb-kc-filters" aria-label={t('kc.workshops.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('kc.workshops.filterText')} type="search" value={text} onValue={setText} autoComplete="off" />
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-template`}>
            {t('kc.col.template')}
          </label>
          <select id={`${id}-template`} className="utrecht-select rb-input" value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="">{t('kc.all')}</option>
            {templates.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-status`}>
            {t('kc.col.status')}
          </label>
          <select
            id={`${id}-status`}
            className="utrecht-select rb-input"
            value={status}
            onChange={(e) => setStatus(e.target.value as StatusFilter)}
          >
            <option value="">{t('kc.all')}</option>
            <option value="finished">{t('kc.status.finished')}</option>
            <option value="running">{t('kc.status.running')}</option>
          </select>
        </div>
      </form>

      <p className="rb-kc-count" role="status" data-testid="workshop-count">
        {t('kc.workshops.count', { count: shown.length, total: all.length })}
      </p>

      {all.length === 0 ? (
        <p>{t('kc.workshops.empty')}</p>
      ) : shown.length === 0 ? (
        <p>{t('kc.workshops.noMatch')}</p>
      ) : (
        <div className="rb-kc-table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="utrecht-table rb-kc-table" data-testid="workshops-table">
            <caption id={`${id}-caption`} className="utrecht-table__caption rb-kc-caption">
              {t('kc.nav.workshops')}
              <span className="rb-sr-only">. {t('kc.sortHint')}</span>
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <SortHeader label={t('kc.col.date')} column="date" sort={sort} onSort={sortBy} />
                <SortHeader label={t('kc.col.title')} column="title" sort={sort} onSort={sortBy} />
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.template')}</th>
                <SortHeader label={t('kc.col.participants')} column="participants" sort={sort} onSort={sortBy} numeric />
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.phase')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.owner')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('kc.col.actions')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {shown.map((w) => {
                const open = managing === w.id;
                return (
                  <Fragment key={w.id}>
                  <tr className="utrecht-table__row" data-workshop-id={w.id}>
                    <td className="utrecht-table__cell rb-kc-nowrap">
                      <time dateTime={new Date(w.createdAt).toISOString()}>{formatDay(w.createdAt, lang)}</time>
                    </td>
                    <th scope="row" className="utrecht-table__header-cell rb-kc-rowhead">
                      {w.title}
                      <OriginLine origin={w.origin} />
                    </th>
                    <td className="utrecht-table__cell">{w.templateName[lang]}</td>
                    <td className="utrecht-table__cell rb-kc-num">{w.participantCount}</td>
                    <td className="utrecht-table__cell">{phaseName(w, t)}</td>
                    <td className="utrecht-table__cell">
                      <span className={`rb-kc-status rb-kc-status--${w.finishedAt ? 'finished' : 'running'}`}>
                        <span aria-hidden="true">{w.finishedAt ? '✓ ' : '● '}</span>
                        {t(w.finishedAt ? 'kc.status.finished' : 'kc.status.running')}
                      </span>
                    </td>
                    <td className="utrecht-table__cell">{w.mine ? t('kc.workshops.you', { name: w.ownerName }) : w.ownerName}</td>
                    <td className="utrecht-table__cell">
                      <div className="rb-kc-actions">
                        <Link
                          className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
                          href={`/rapport/${w.id}`}
                          aria-label={t('kc.workshops.reportNamed', { title: w.title })}
                        >
                          {t('kc.workshops.report')}
                        </Link>
                        <button
                          type="button"
                          className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
                          aria-label={t('kc.workshops.duplicateNamed', { title: w.title })}
                          aria-expanded={copying === w.id}
                          onClick={() => setCopying(copying === w.id ? null : w.id)}
                        >
                          {t('kc.workshops.duplicate')}
                        </button>
                        {w.mine && (
                          <button
                            type="button"
                            className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
                            aria-label={t('kc.workshops.manageNamed', { title: w.title })}
                            aria-expanded={open}
                            aria-controls={open ? `${id}-manage-${w.id}` : undefined}
                            onClick={() => setManaging(open ? null : w.id)}
                          >
                            {t('kc.workshops.manage')}
                            <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                  {copying === w.id && (
                    <tr className="utrecht-table__row rb-kc-manage-row">
                      <td className="utrecht-table__cell" colSpan={columns}>
                        <CopyWorkshopForm workshop={w} onCancel={() => setCopying(null)} />
                      </td>
                    </tr>
                  )}
                  {open && (
                    <tr className="utrecht-table__row rb-kc-manage-row">
                      <td className="utrecht-table__cell" colSpan={columns}>
                        <ManagePanel
                          id={`${id}-manage-${w.id}`}
                          workshop={w}
                          onSaved={(text) => {
                            announce(text);
                            reload();
                          }}
                          onRenamed={reload}
                          onDelete={() => setDeleting(w)}
                        />
                      </td>
                    </tr>
                  )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {deleting && (
        <DeleteDialog
          key={deleting.id}
          workshop={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            announce(t('kc.delete.done', { title: deleting.title }));
            setDeleting(null);
            setManaging(null);
            reload();
            heading.current?.focus();
          }}
        />
      )}
      <LiveRegion message={message} />
    </>
  );
}

function ManagePanel({
  id,
  workshop,
  onSaved,
  onRenamed,
  onDelete,
}: {
  id: string;
  workshop: KnowledgeWorkshop;
  onSaved: (announcement: string) => void;
  /** The title changed: the list shows it (the form says it was saved). */
  onRenamed: () => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  const [day, setDay] = useState(() => isoDay(workshop.retentionUntil));
  const [dayError, setDayError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tomorrow = isoDay(Date.now() + 86_400_000);

  async function run(request: () => Promise<unknown>, done: MessageKey) {
    setBusy(true);
    setError(null);
    try {
      await request();
      onSaved(t(done));
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  function saveRetention(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const until = endOfDay(day);
    if (until === null || day < tomorrow) {
      setDayError(t('kc.retention.invalid'));
      return;
    }
    setDayError(null);
    void run(() => api(`/api/workshops/${workshop.id}`, { method: 'PATCH', body: { retentionUntil: until } }), 'kc.retention.saved');
  }

  return (
    <div className="rb-kc-manage" id={id} role="group" aria-label={t('kc.workshops.manageTitle', { title: workshop.title })}>
      <div className="rb-kc-manage__title">
        <TitleForm workshopId={workshop.id} title={workshop.title} onSaved={onRenamed} />
      </div>
      <form className="rb-kc-manage__retention" onSubmit={saveRetention} noValidate aria-busy={busy}>
        <TextField
          label={t('kc.retention.field')}
          hint={t('kc.retention.hint')}
          type="date"
          value={day}
          min={tomorrow}
          onValue={(v) => {
            setDay(v);
            if (dayError) setDayError(null);
          }}
          error={dayError}
        />
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button rb-button--small" disabled={busy}>
          {t('kc.retention.save')}
        </button>
      </form>
      <div className="rb-kc-manage__danger">
        <ConfirmButton
          label={t('kc.pseudo.button')}
          question={t('kc.pseudo.question')}
          confirmLabel={t('kc.pseudo.confirm')}
          disabled={busy}
          onConfirm={() => void run(() => api(`/api/workshops/${workshop.id}/pseudonymise`, { method: 'POST' }), 'kc.pseudo.done')}
        />
        <button type="button" className="utrecht-button utrecht-button--secondary-action utrecht-button--danger rb-button rb-button--small" onClick={onDelete} disabled={busy}>
          {t('kc.delete.button')}
        </button>
      </div>
      <ErrorAlert code={error} />
    </div>
  );
}
