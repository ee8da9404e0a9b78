import { useI18n } from '../i18n';

/** Shown to participants while the facilitator has locked the board. */
export function LockBanner() {
  const { t } = useI18n();
  return (
    <p className="rb-banner rb-banner--lock" data-testid="lock-banner">
      <svg className="rb-banner__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="4.5" y="10.5" width="15" height="10" rx="1.5" fill="currentColor" />
        <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2.5" />
      </svg>
      <span>
        <strong>{t('lock.title')}</strong> {t('lock.text')}
      </span>
    </p>
  );
}
