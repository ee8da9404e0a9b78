import { useId, type TextareaHTMLAttributes } from 'react';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  error?: string | null;
}

/** A labelled multi-line field with an optional hint and error (like TextField). */
export function TextArea({ label, value, onValue, hint, error, className, rows = 3, ...rest }: Props) {
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
      <textarea
        {...rest}
        id={id}
        rows={rows}
        className="rb-input rb-textarea"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onValue(e.target.value)}
      />
    </div>
  );
}
