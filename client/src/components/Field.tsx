import { useId, type ReactNode } from 'react';

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
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A label, an optional hint and an optional error around one control, linked by aria-describedby.
 * NL Design System form field: utrecht-form-field, -form-label, -form-field-description, -form-field-error-message.
 */
export function Field({ label, hint, error, className, children }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
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
    </div>
  );
}
