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

/** Text limits worth counting: not e-mail addresses, passwords or codes. */
export function counted(type: string | undefined, max: number | undefined, value: string): { length: number; max: number } | undefined {
  if (max === undefined || max < 20 || (type !== undefined && type !== 'text' && type !== 'search')) return undefined;
  return { length: value.length, max };
}

/** A labelled input with an optional hint and error; a character counter when it has a maxLength. */
export function TextField({ label, value, onValue, hint, error, className, ...input }: Props) {
  return (
    <Field label={label} hint={hint} error={error} className={className} count={counted(input.type, input.maxLength, value)}>
      {(control) => <input {...input} {...control} className="utrecht-textbox utrecht-textbox--html-input rb-input" value={value} onChange={(e) => onValue(e.target.value)} />}
    </Field>
  );
}
