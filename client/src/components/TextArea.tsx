import type { TextareaHTMLAttributes } from 'react';
import { Field } from './Field';
import { counted } from './TextField';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  /** A message about this field; marks it invalid. */
  error?: string | null;
}

/** A labelled multi-line field with an optional hint and error. */
export function TextArea({ label, value, onValue, hint, error, className, rows = 3, ...rest }: Props) {
  return (
    <Field label={label} hint={hint} error={error} className={className} count={counted(undefined, rest.maxLength, value)}>
      {(control) => (
        <textarea
          {...rest}
          {...control}
          rows={rows}
          className="utrecht-textarea rb-input rb-textarea"
          value={value}
          onChange={(e) => onValue(e.target.value)}
        />
      )}
    </Field>
  );
}
