import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/** What a control inside a Field needs: its id, and the hint and error that describe it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  label: string;
  hint?: string | undefined;
  /** A message about this field; marks it invalid. */
  error?: string | null | undefined;
  className?: string | undefined;
  /** Characters typed and the limit: shown under the field, so nothing is cut off unseen. */
  count?: { length: number; max: number } | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A label, an optional hint and an optional error around one control, linked by aria-describedby.
 * NL Design System form field: utrecht-form-field, -form-label, -form-field-description, -form-field-error-message.
 */
export function Field({ label, hint, error, className, count, children }: Props) {
  const { t } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const describedBy = [hint ? hintId : '', error ? errorId : '', count ? countId : ''].filter(Boolean).join(' ') || undefined;
  // Close to the limit the counter stands out (in words too, not by colour alone).
  const near = count ? count.max - count.length <= Math.max(5, Math.round(count.max * 0.1)) : false;
  return (
    <div className={`utrecht-form-field rb-field ${className ?? ''}`}>
      <label className="utrecht-form-label utrecht-form-field__label rb-field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="utrecht-form-field-description utrecht-form-field__description rb-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="utrecht-form-field-error-message utrecht-form-field__error-message rb-field__error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {count && (
        <p className={`rb-field__count${near ? ' rb-field__count--near' : ''}`} id={countId} data-testid="field-count">
          {t(near ? 'field.countNear' : 'field.count', { count: count.length, max: count.max, left: count.max - count.length })}
        </p>
      )}
    </div>
  );
}
