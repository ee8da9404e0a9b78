import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

interface Props {
  /** Visible text of the first button, e.g. "Verwijderen". */
  label: string;
  /** Accessible name when the visible text alone is not enough ("Verwijder Sanne"). */
  ariaLabel?: string;
  /** The question asked before doing it. */
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}

/**
 * A button that asks first, in the page (no browser pop-up): the question with
 * "yes" and "no". Focus moves to the question's yes-button and back afterwards.
 */
export function ConfirmButton({ label, ariaLabel, question, confirmLabel, onConfirm, disabled }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) first.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={first}
        type="button"
        className="utrecht-button utrecht-button--secondary-action utrecht-button--danger rb-button rb-button--small"
        aria-label={ariaLabel}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="rb-confirm" role="group" aria-label={question}>
      <span className="rb-confirm__question">{question}</span>
      <button
        ref={yes}
        type="button"
        className="utrecht-button utrecht-button--secondary-action utrecht-button--danger rb-button rb-button--small"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" onClick={() => setAsking(false)}>
        {t('confirm.no')}
      </button>
    </span>
  );
}
