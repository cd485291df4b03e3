/**
 * Answering a progression measurement: one short question at a time on the page, every
 * one skippable (nothing chosen means skipped). Used by the citizen on their phone and by
 * the caseworker beside them.
 */
import { useState, type FormEvent } from 'react';
import { useCitizenI18n } from '../i18n/i18n-core.js';
import type { Instrument, InstrumentItem, ProgressionValue } from './progression-api.js';
import { Button } from '../ui/button.js';

const isScale = (kind: InstrumentItem['kind']) => kind === 'scale-1-5' || kind === 'scale-0-10';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

function ItemField({
  item,
  value,
  onChange,
  prefix,
}: {
  item: InstrumentItem;
  value: ProgressionValue | undefined;
  onChange: (value: ProgressionValue | undefined) => void;
  prefix: string;
}) {
  const { t } = useCitizenI18n();
  const name = `${prefix}item-${item.id}`;
  if (item.kind === 'text') {
    return (
      <div className="field">
        <label className="field__label" htmlFor={name}>
          {item.text}
        </label>
        <textarea
          id={name}
          className="input textarea"
          maxLength={2000}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      </div>
    );
  }
  const options: { value: ProgressionValue; label: string }[] =
    item.kind === 'options'
      ? (item.options ?? []).map((o, i) => ({ value: i, label: o.label }))
      : item.kind === 'yes-no'
        ? [
            { value: true, label: t('progression.yes') },
            { value: false, label: t('progression.no') },
          ]
        : range(item.kind === 'scale-1-5' ? 1 : 0, item.kind === 'scale-1-5' ? 5 : 10).map((n) => ({
            value: n,
            label: String(n),
          }));
  return (
    <fieldset className="progression-question">
      <legend>{item.text}</legend>
      {isScale(item.kind) && item.low && item.high && (
        <p className="field__hint">
          {t('progression.scaleEnds', {
            low: item.low,
            lowValue: options[0]!.label,
            high: item.high,
            highValue: options.at(-1)!.label,
          })}
        </p>
      )}
      <div className="progression-options">
        {options.map((o) => (
          <label key={String(o.value)} className="progression-option">
            <input
              type="radio"
              name={name}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
        <label className="progression-option progression-option--skip">
          <input
            type="radio"
            name={name}
            checked={value === undefined}
            onChange={() => onChange(undefined)}
          />
          <span>{t('progression.skip')}</span>
        </label>
      </div>
    </fieldset>
  );
}

type Answers = Record<string, ProgressionValue | undefined>;

/** Only the items answered. */
const given = (answers: Answers) =>
  Object.fromEntries(
    Object.entries(answers).filter((e): e is [string, ProgressionValue] => e[1] !== undefined),
  );

/**
 * The form for one measurement; `onSubmit` gets only the items answered, and so does
 * `onChange` after every change (the citizen's autosave). `prefix` keeps the fields of
 * several forms on one page apart; `initial` holds answers given before.
 */
export function ProgressionForm({
  instrument,
  busy,
  onSubmit,
  onChange,
  initial,
  prefix = '',
}: {
  instrument: Instrument;
  busy: boolean;
  onSubmit: (answers: Record<string, ProgressionValue>) => void;
  onChange?: (answers: Record<string, ProgressionValue>) => void;
  initial?: Record<string, ProgressionValue> | null;
  prefix?: string;
}) {
  const { t } = useCitizenI18n();
  const [answers, setAnswers] = useState<Answers>(initial ?? {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(given(answers));
  };
  return (
    <form className="progression-form" onSubmit={submit}>
      <p>{t('progression.skipHint')}</p>
      {instrument.items.map((item) => (
        <ItemField
          key={item.id}
          item={item}
          prefix={prefix}
          value={answers[item.id]}
          onChange={(value) => {
            const next = { ...answers, [item.id]: value };
            setAnswers(next);
            onChange?.(given(next));
          }}
        />
      ))}
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? t('common.working') : t('progression.send')}
      </Button>
    </form>
  );
}
