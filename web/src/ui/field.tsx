/** Labelled form fields with a hint and an inline error tied to the control. */
import { useId } from 'react';
import type {
  ChangeEvent,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

interface FieldFrame {
  label: string;
  hint?: string;
  error?: string | undefined;
}

function describedBy(hintId: string, errorId: string, hint?: string, error?: string) {
  const ids = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return ids === '' ? undefined : ids;
}

function Frame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: FieldFrame & { id: string; required?: boolean | undefined; children: ReactNode }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A text input with its label, optional hint and inline error. */
export function TextField({
  label,
  hint,
  error,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={input.required}>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...input}
      />
    </Frame>
  );
}

/** A select with its label, optional hint and inline error. */
export function SelectField({
  label,
  hint,
  error,
  children,
  ...select
}: FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={select.required}>
      <select
        id={id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...select}
      >
        {children}
      </select>
    </Frame>
  );
}

/** A select over a fixed list of choices, each shown as `choiceLabel(choice)`. */
export function ChoiceField<T extends string>({
  label,
  value,
  choices,
  choiceLabel,
  onChange,
}: {
  label: string;
  value: T;
  choices: readonly T[];
  choiceLabel: (choice: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {choices.map((c) => (
        <option key={c} value={c}>
          {choiceLabel(c)}
        </option>
      ))}
    </SelectField>
  );
}

/** A compact `<select>` with its label on the same line, for filters and toolbars. */
export function InlineSelect({
  label,
  children,
  ...select
}: { label: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input select" {...select}>
        {children}
      </select>
    </div>
  );
}

/** A checkbox with its label beside it. */
export function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** A multi-line text field with its label, optional hint and inline error. */
export function TextAreaField({
  label,
  hint,
  error,
  ...textarea
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={textarea.required}>
      <textarea
        id={id}
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        {...textarea}
      />
    </Frame>
  );
}

/** The keys of a form's values that hold text. */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V];

/**
 * Binds text fields to one object of form values: `field('title')` gives a `TextField` or
 * `TextAreaField` its value, its error and the change handler that sets that key.
 */
export function textFields<V>(
  values: V,
  set: (key: TextKey<V>, value: string) => void,
  errors: Partial<Record<string, string>> = {},
) {
  return (key: TextKey<V> & string) => ({
    value: values[key] as string,
    error: errors[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.target.value),
  });
}
