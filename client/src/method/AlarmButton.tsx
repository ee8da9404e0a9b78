import { useState, type FormEvent } from 'react';
import { ALARM_REASON_MAX, type AlarmTarget } from '../../../shared/method';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextArea } from '../components/TextArea';
import type { Send } from '../realtime/sendEvent';
import { useAction } from './useAction';

interface Props {
  send: Send;
  targetType: AlarmTarget;
  targetId: string;
  /** The barrier's or proposal's text, so the button's name says what it is about. */
  targetText: string;
}

/** "Alarm slaan": asks why, then sends the alarm to the facilitator. */
export function AlarmButton({ send, targetType, targetId, targetText }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const [sent, setSent] = useState(false);
  const action = useAction();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const clean = reason.trim();
    if (!clean) {
      setEmpty(true);
      return;
    }
    const result = await action.run(() => send('alarm:raise', { targetType, targetId, reason: clean }));
    if (result.ok) {
      setOpen(false);
      setReason('');
      setSent(true);
    }
  }

  return (
    <div className="rb-alarm-raise">
      {!open && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
          aria-expanded={false}
          aria-label={`${t('alarm.raise')}: ${targetText}`}
          onClick={() => {
            setOpen(true);
            setSent(false);
          }}
        >
          {t('alarm.raise')}
        </button>
      )}
      {open && (
        <form className="rb-alarm-raise__form" onSubmit={submit} noValidate>
          <TextArea
            label={t('alarm.reason')}
            hint={t('alarm.reasonHint')}
            value={reason}
            onValue={(v) => {
              setReason(v);
              setEmpty(false);
            }}
            maxLength={ALARM_REASON_MAX}
            rows={2}
            autoFocus
            error={empty ? t('form.required') : null}
          />
          <ErrorAlert code={action.error} />
          <div className="rb-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button rb-button--small" disabled={action.busy}>
              {t('alarm.send')}
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" onClick={() => setOpen(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
      <p className="rb-form-note" role="status">
        {sent ? t('alarm.sent') : ''}
      </p>
    </div>
  );
}
