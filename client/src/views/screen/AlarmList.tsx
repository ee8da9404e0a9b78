import type { Alarm, Barrier, Proposal } from '../../../../shared/method';
import { useI18n } from '../../i18n';

interface Props {
  alarms: Alarm[];
  /** Every confirmed alarm, for the count in the title (`alarms` may be one page of them). */
  total: number;
  barriers: Barrier[];
  proposals: Proposal[];
}

/**
 * The confirmed alarms on the shared screen, when the facilitator puts them there to talk
 * them through: each reason, and the barrier or proposal it is about. "Alarm" is a word
 * on every item, never a colour alone.
 */
export function AlarmList({ alarms, total, barriers, proposals }: Props) {
  const { t } = useI18n();
  const texts = new Map<string, string>([...barriers.map((b) => [b.id, b.text] as const), ...proposals.map((p) => [p.id, p.text] as const)]);
  return (
    <section className="rb-panel rb-alarms--large" aria-labelledby="rb-screen-alarms-title" data-testid="screen-alarms">
      <h2 className="rb-panel__title" id="rb-screen-alarms-title">
        {t('cockpit.screen.alarmsTitle', { count: total })}
      </h2>
      {total === 0 && <p>{t('cockpit.screen.alarmsNone')}</p>}
      <ul className="rb-items">
        {alarms.map((a) => (
          <li key={a.id} className="rb-item">
            <p className="rb-item__text">
              <strong>{t('alarm.word')}:</strong> {a.reason}
            </p>
            {texts.has(a.targetId) && (
              <p className="rb-item__meta">
                {t(a.targetType === 'barrier' ? 'cockpit.screen.alarmBarrier' : 'cockpit.screen.alarmProposal', { text: texts.get(a.targetId)! })}
              </p>
            )}
            {a.raisedByName && <p className="rb-item__meta">{t('item.author', { name: a.raisedByName })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
