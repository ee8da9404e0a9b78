import { useI18n } from '../i18n';

/** My votes on one barrier: a dot per vote, and the number in words (not by the dots alone). */
export function VoteDots({ count, cap }: { count: number; cap: number }) {
  const { t } = useI18n();
  return (
    <p className="rb-dots">
      <span className="rb-dots__row" aria-hidden="true">
        {Array.from({ length: Math.max(cap, count) }, (_, i) => (
          <span key={i} className={`rb-dot${i < count ? ' rb-dot--on' : ''}`} />
        ))}
      </span>
      <span className="rb-dots__text">{t('vote.mine', { count })}</span>
    </p>
  );
}
