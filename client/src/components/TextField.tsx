import { useId, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  /** A message about this field; marks it invalid. */
  error?: string | null;
}

/** A labelled input with an optional hint and error, linked by aria-describedby. */
export function TextField({ label, value, onValue, hint, error, className, ...input }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`rb-field ${className ?? ''}`}>
      <label className="rb-field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="rb-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="rb-field__error" id={errorId}>
          <span aria-hidden="true">! </span>
          {error}
        </p>
      )}
      <input
        {...input}
        id={id}
        className="rb-input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onValue(e.target.value)}
      />
    </div>
  );
}
