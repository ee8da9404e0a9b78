import type { Alarm } from '../../../shared/method';
import { useI18n } from '../i18n';

/** A warning triangle; always with the word "Alarm" next to it. */
export function AlarmIcon() {
  return (
    <svg className="rb-alarm__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2.5 23 21.5H1z" fill="currentColor" />
      <path d="M12 9v6.5" stroke="var(--rb-color-alarm-on)" strokeWidth="2.6" strokeLinecap="round" />
      <circle cx="12" cy="18.4" r="1.5" fill="var(--rb-color-alarm-on)" />
    </svg>
  );
}

/** Confirmed alarms on a barrier or proposal: icon, the word "Alarm" and the reason. */
export function AlarmBadges({ alarms, large }: { alarms: Alarm[]; large?: boolean }) {
  const { t } = useI18n();
  const confirmed = alarms.filter((a) => a.status === 'confirmed');
  if (confirmed.length === 0) return null;
  return (
    <ul className={`rb-alarms${large ? ' rb-alarms--large' : ''}`}>
      {confirmed.map((a) => (
        <li key={a.id} className="rb-alarm" data-testid="alarm">
          <AlarmIcon />
          <span>
            <strong className="rb-alarm__word">{t('alarm.word')}</strong>
            <span className="rb-alarm__reason">: {a.reason}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The alarms that point at one item. */
export function alarmsFor(alarms: Alarm[], targetType: Alarm['targetType'], targetId: string): Alarm[] {
  return alarms.filter((a) => a.targetType === targetType && a.targetId === targetId);
}
