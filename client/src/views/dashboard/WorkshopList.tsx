import type { WorkshopSummary } from '../../../../shared/protocol';
import { useI18n, type Lang } from '../../i18n';
import { localeOf } from '../../i18n/format';
import { formatJoinCode } from '../../joinCode';
import { Link } from '../../components/Link';

export function formatDate(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The workshops, newest first, each with its join code and a link to open it. */
export function WorkshopList({ workshops }: { workshops: WorkshopSummary[] }) {
  const { t, lang } = useI18n();
  if (workshops.length === 0) return <p>{t('dashboard.empty')}</p>;
  const sorted = [...workshops].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <ul className="rb-workshops">
      {sorted.map((w) => (
        <li key={w.id} className="rb-workshops__item">
          <div className="rb-workshops__text">
            <h3 className="rb-workshops__title">{w.title}</h3>
            <p className="rb-workshops__meta">
              {t('dashboard.meta', { date: formatDate(w.createdAt, lang), owner: w.ownerName })}
            </p>
            <p className="rb-workshops__code">{t('dashboard.code', { code: formatJoinCode(w.joinCode) })}</p>
          </div>
          <Link
            className="utrecht-button utrecht-button--secondary-action rb-button"
            href={`/begeleider/w/${w.id}`}
            aria-label={t('dashboard.openNamed', { title: w.title })}
          >
            {t('dashboard.open')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
