import { useId } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../components/Link';

const FILES: { key: MessageKey; query: string }[] = [
  { key: 'lasting.downloads.pdf', query: 'format=pdf' },
  { key: 'lasting.downloads.docx', query: 'format=docx' },
  { key: 'lasting.downloads.md', query: 'format=md' },
  { key: 'lasting.downloads.barriers', query: 'format=csv&table=barriers' },
  { key: 'lasting.downloads.proposals', query: 'format=csv&table=proposals' },
  { key: 'lasting.downloads.json', query: 'format=json' },
  { key: 'lasting.downloads.svg', query: 'format=svg' },
  { key: 'lasting.downloads.png', query: 'format=png' },
];

/** The report page and every export as a direct download, during and after the workshop, in the current language. */
export function DownloadsPanel({ workshopId }: { workshopId: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  return (
    <section className="rb-panel" id="downloads" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('lasting.downloads.title')}
      </h2>
      <p>
        <Link className="utrecht-button utrecht-button--secondary-action rb-button" href={`/rapport/${workshopId}`}>
          {t('lasting.downloads.report')}
        </Link>
      </p>
      <h3 className="rb-subtitle">{t('lasting.downloads.files')}</h3>
      <ul className="rb-downloads">
        {FILES.map((f) => (
          <li key={f.query}>
            <a href={`/api/workshops/${workshopId}/export?${f.query}&lang=${lang}`} download>
              {t(f.key)}
            </a>
          </li>
        ))}
      </ul>
      <p className="rb-field__hint">{t('lasting.downloads.hint')}</p>
    </section>
  );
}
