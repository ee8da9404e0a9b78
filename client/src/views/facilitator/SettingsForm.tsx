import { useId, useState, type FormEvent } from 'react';
import type { WorkshopSettings } from '../../../../shared/control';
import { VOTE_BUDGET_MAX, VOTE_BUDGET_MIN } from '../../../../shared/voting';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';

/** Named or anonymous, and the voting rules. */
export function SettingsForm({ settings, send }: { settings: WorkshopSettings; send: Send }) {
  const { t } = useI18n();
  const id = useId();
  const [named, setNamed] = useState(settings.named);
  const [budget, setBudget] = useState(String(settings.vote.budget));
  const [cap, setCap] = useState(String(settings.vote.capPerBarrier));
  const [saved, setSaved] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const action = useAction();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const b = Number(budget);
    const c = Number(cap);
    const ok = Number.isInteger(b) && b >= VOTE_BUDGET_MIN && b <= VOTE_BUDGET_MAX && Number.isInteger(c) && c >= 1 && c <= b;
    setInvalid(!ok);
    setSaved(false);
    if (!ok) return;
    const result = await action.run(() => send('settings:update', { named, voteBudget: b, voteCap: c }));
    setSaved(result.ok);
  }

  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`} id="instellingen">
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('settings.title')}
      </h2>
      <form onSubmit={submit} noValidate className="rb-form">
        <label className="rb-check">
          <input type="checkbox" checked={named} onChange={(e) => setNamed(e.target.checked)} />
          {t('settings.named')}
        </label>
        <p className="rb-field__hint">{t('settings.namedHint')}</p>
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-budget`}>
            {t('settings.budget')}
          </label>
          <input
            id={`${id}-budget`}
            className="utrecht-textbox utrecht-textbox--html-input rb-input rb-input--number"
            type="number"
            inputMode="numeric"
            min={VOTE_BUDGET_MIN}
            max={VOTE_BUDGET_MAX}
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
          />
        </div>
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-cap`}>
            {t('settings.cap')}
          </label>
          <p className="rb-field__hint" id={`${id}-cap-hint`}>
            {t('settings.capHint')}
          </p>
          <input
            id={`${id}-cap`}
            className="utrecht-textbox utrecht-textbox--html-input rb-input rb-input--number"
            type="number"
            inputMode="numeric"
            min={1}
            max={VOTE_BUDGET_MAX}
            value={cap}
            aria-describedby={`${id}-cap-hint`}
            onChange={(e) => setCap(e.target.value)}
          />
        </div>
        {invalid && (
          <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert">
            {t('settings.invalid', { min: VOTE_BUDGET_MIN, max: VOTE_BUDGET_MAX })}
          </p>
        )}
        <ErrorAlert code={action.error} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={action.busy}>
          {t('settings.save')}
        </button>
        <p className="rb-form-note" role="status">
          {saved ? t('settings.saved') : ''}
        </p>
      </form>
    </section>
  );
}
