import type { Alarm, Barrier, Proposal } from '../../../../shared/method';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AlarmIcon } from '../../method/AlarmBadge';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';

interface Props {
  alarms: Alarm[];
  barriers: Barrier[];
  proposals: Proposal[];
  send: Send;
}

const STATUS_KEYS = { proposed: 'alarm.status.proposed', confirmed: 'alarm.status.confirmed', dismissed: 'alarm.status.dismissed' } as const;

/** Alarms raised by participants: confirm them (they show everywhere) or dismiss them. */
export function AlarmAdmin({ alarms, barriers, proposals, send }: Props) {
  const { t } = useI18n();
  const action = useAction();
  const textOf = (a: Alarm) =>
    (a.targetType === 'barrier' ? barriers.find((b) => b.id === a.targetId)?.text : proposals.find((p) => p.id === a.targetId)?.text) ?? '…';
  // Open questions first, then the decided ones.
  const ordered = [...alarms].sort((a, b) => Number(a.status !== 'proposed') - Number(b.status !== 'proposed') || a.createdAt - b.createdAt);
  const open = alarms.filter((a) => a.status === 'proposed').length;
  const decide = (alarmId: string, status: 'confirmed' | 'dismissed') => void action.run(() => send('alarm:decide', { alarmId, status }));
  return (
    <section className="rb-panel rb-admin" aria-labelledby="rb-alarm-admin-title" id="alarmen">
      <h2 className="rb-panel__title" id="rb-alarm-admin-title">
        {t('alarm.adminTitle', { count: open })}
      </h2>
      {alarms.length === 0 && <p>{t('alarm.none')}</p>}
      <ul className="rb-items">
        {ordered.map((a) => (
          <li key={a.id} className={`rb-item rb-alarm-row rb-alarm-row--${a.status}`} data-alarm-id={a.id}>
            <p className="rb-alarm">
              <AlarmIcon />
              <span>
                <strong className="rb-alarm__word">{t('alarm.word')}</strong>: {a.reason}
              </span>
            </p>
            <p className="rb-item__meta">
              {t(a.targetType === 'barrier' ? 'alarm.onBarrier' : 'alarm.onProposal', { text: textOf(a) })}
              {a.raisedByName && <> · {t('item.author', { name: a.raisedByName })}</>}
            </p>
            <p className="rb-item__meta">
              <strong>{t(STATUS_KEYS[a.status])}</strong>
            </p>
            <div className="rb-actions">
              {a.status !== 'confirmed' && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--primary-action rb-button rb-button--small"
                  aria-label={`${t('alarm.confirm')}: ${a.reason}`}
                  onClick={() => decide(a.id, 'confirmed')}
                >
                  {t('alarm.confirm')}
                </button>
              )}
              {a.status !== 'dismissed' && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
                  aria-label={`${t('alarm.dismiss')}: ${a.reason}`}
                  onClick={() => decide(a.id, 'dismissed')}
                >
                  {t('alarm.dismiss')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ErrorAlert code={action.error} />
    </section>
  );
}
