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

/** The id of a control and the attributes that tie it to its hint and error. */
function useControl(hint: string | undefined, error: string | undefined) {
  const id = useId();
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(`${id}-hint`, `${id}-error`, hint, error),
  };
}

/** A field's hint above its control and its error below, with the ids `describedBy` names. */
function HintAndError({
  id,
  hint,
  error,
  alert = false,
  children,
}: Omit<FieldFrame, 'label'> & { id: string; alert?: boolean; children: ReactNode }) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field__error" id={`${id}-error`} role={alert ? 'alert' : undefined}>
          {error}
        </p>
      )}
    </>
  );
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
      <HintAndError id={id} hint={hint} error={error}>
        {children}
      </HintAndError>
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
  const control = useControl(hint, error);
  return (
    <Frame id={control.id} label={label} hint={hint} error={error} required={input.required}>
      <input className="input" {...control} {...input} />
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
  const control = useControl(hint, error);
  return (
    <Frame id={control.id} label={label} hint={hint} error={error} required={select.required}>
      <select className="input select" {...control} {...select}>
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
  const control = useControl(hint, error);
  return (
    <Frame id={control.id} label={label} hint={hint} error={error} required={textarea.required}>
      <textarea className="input textarea" {...control} {...textarea} />
    </Frame>
  );
}

/** The keys of a form's values that hold text. */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V];

/** The value, error and change handler of a text field whose value has its own state. */
export function bindText(value: string, set: (value: string) => void, error?: string) {
  return {
    value,
    error,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(e.target.value),
  };
}

/**
 * Binds text fields to one object of form values: `field('title')` gives a `TextField` or
 * `TextAreaField` its value, its error and the change handler that sets that key.
 */
export function textFields<V>(
  values: V,
  set: (key: TextKey<V>, value: string) => void,
  errors: Partial<Record<string, string>> = {},
) {
  return (key: TextKey<V> & string) =>
    bindText(values[key] as string, (value) => set(key, value), errors[key]);
}

/** A group of controls under one legend, with an optional hint and the error of the whole group. */
export function FieldSet({
  legend,
  hint,
  error,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="fieldset field" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field__label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} alert>
        {children}
      </HintAndError>
    </fieldset>
  );
}

/** Radio buttons as cards, each choice with its label and a hint below it. */
export function RadioChoices<T extends string>({
  name,
  value,
  choices,
  label,
  hint,
  onChange,
}: {
  name: string;
  /** The chosen one; `''` while none is. */
  value: NoInfer<T> | '';
  choices: readonly T[];
  label: (choice: T) => string;
  hint: (choice: T) => string;
  onChange: (choice: T) => void;
}) {
  return (
    <div className="choices">
      {choices.map((choice) => (
        <label key={choice} className="choice">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          <span>
            <span className="choice__label">{label(choice)}</span>
            <span className="choice__hint">{hint(choice)}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

/** `chosen` with `id` added (`on`) or taken out, as a new set. */
export function toggled(chosen: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(chosen);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** A list of checkboxes, one an item, checked when the item's id is chosen. */
export function CheckList({
  items,
  chosen,
  onToggle,
}: {
  items: readonly { id: string; label: string }[];
  chosen: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  return (
    <ul className="check-list">
      {items.map((item) => (
        <li key={item.id}>
          <Checkbox
            label={item.label}
            checked={chosen.has(item.id)}
            onChange={(on) => onToggle(item.id, on)}
          />
        </li>
      ))}
    </ul>
  );
}
