import { useI18n } from '../i18n';

/** Shown on the phone and the shared screen once the facilitator has closed the workshop. */
export function FinishedBanner() {
  const { t } = useI18n();
  return (
    <p className="rb-banner rb-banner--finished" data-testid="finished-banner">
      <svg className="rb-banner__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      </svg>
      <strong>{t('lasting.finished.banner')}</strong>
    </p>
  );
}
