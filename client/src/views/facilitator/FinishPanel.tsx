import { useEffect, useId, useRef, type RefObject } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../method/useAction';
import { formatMoment, restOutcome } from './restOutcome';

interface Props {
  workshopId: string;
  finishedAt: number | null;
  /**
   * Set when this facilitator clicked finish or reopen. The panel that shows next (the banner
   * on top, or the button in the side column) is another instance: it takes the focus then.
   */
  acted: RefObject<boolean>;
}

/**
 * Closing the workshop (after a confirmation) and, once closed, the banner that
 * says it is read-only, with "Heropenen". The server tells every client through
 * the control view; this view follows that, not its own request.
 */
export function FinishPanel({ workshopId, finishedAt, acted }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const finished = finishedAt !== null;

  // After the facilitator's own click the button is gone: bring focus to what replaced it.
  useEffect(() => {
    if (!acted.current) return;
    acted.current = false;
    heading.current?.focus();
  }, [finished, acted]);

  const call = (what: 'finish' | 'reopen') => {
    acted.current = true;
    void action.run(() => restOutcome(() => api(`/api/workshops/${workshopId}/${what}`, { method: 'POST' })));
  };

  if (finished) {
    return (
      <section className="rb-panel rb-finished-bar" aria-labelledby={`${id}-title`} data-testid="finished-bar">
        <div>
          <h2 className="rb-finished-bar__title" id={`${id}-title`} ref={heading} tabIndex={-1}>
            <span aria-hidden="true">✓ </span>
            {t('lasting.finish.bannerTitle')}
          </h2>
          <p>{t('lasting.finish.bannerText', { date: formatMoment(finishedAt, lang) })}</p>
        </div>
        <div>
          <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" disabled={action.busy} onClick={() => call('reopen')}>
            {t('lasting.finish.reopen')}
          </button>
          <p className="rb-field__hint">{t('lasting.finish.reopenHint')}</p>
        </div>
        <ErrorAlert code={action.error} />
      </section>
    );
  }
  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('lasting.finish.title')}
      </h2>
      <p className="rb-field__hint">{t('lasting.finish.hint')}</p>
      <ConfirmButton
        label={t('lasting.finish.button')}
        question={t('lasting.finish.question')}
        confirmLabel={t('lasting.finish.confirm')}
        disabled={action.busy}
        onConfirm={() => call('finish')}
      />
      <ErrorAlert code={action.error} />
    </section>
  );
}
