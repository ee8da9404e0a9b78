import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  /** A message about this field; marks it invalid. */
  error?: string | null;
}

/** A labelled input with an optional hint and error. */
export function TextField({ label, value, onValue, hint, error, className, ...input }: Props) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...input} {...control} className="utrecht-textbox utrecht-textbox--html-input rb-input" value={value} onChange={(e) => onValue(e.target.value)} />}
    </Field>
  );
}
