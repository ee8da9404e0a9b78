import type { ProgressEntry } from '../../../../shared/followUp';
import { useI18n } from '../../i18n';
import { STATUS_KEYS, formatDate } from '../../method/proposalText';
import { formatLong } from '../knowledge/format';

/** A proposal's dated changes, oldest first: when, who, what changed, the note. */
export function HistoryList({ history, headingId }: { history: ProgressEntry[]; headingId?: string }) {
  const { t, lang } = useI18n();
  if (history.length === 0) return <p>{t('fu.history.none')}</p>;
  return (
    <ol className="rb-fu-history" aria-labelledby={headingId}>
      {history.map((e) => {
        const changes = [
          e.owner !== null ? t('fu.history.owner', { owner: e.owner }) : null,
          e.status !== null ? t('fu.history.status', { status: t(STATUS_KEYS[e.status]) }) : null,
          e.dueDate !== null ? t('fu.history.due', { date: e.dueDate ? formatDate(e.dueDate, lang) : t('proposal.noDate'), reason: e.dueReason }) : null,
        ].filter((c): c is string => c !== null);
        return (
          <li key={e.id} className="rb-fu-history__item">
            <span className="rb-fu-history__when">
              <time dateTime={new Date(e.at).toISOString()}>{formatLong(e.at, lang)}</time> · {e.actorName} ({t(`fu.history.by.${e.actor}`)})
            </span>
            {changes.length > 0 && <span className="rb-fu-history__what">{changes.join('; ')}</span>}
            {e.note && <span className="rb-fu-history__note">{e.note}</span>}
          </li>
        );
      })}
    </ol>
  );
}
