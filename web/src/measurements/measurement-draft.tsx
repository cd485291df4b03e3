/**
 * Editing a draft measurement on its detail page: the settings (the same form as when
 * creating it, plus the opening date) and the wording of every item. Once the
 * measurement has opened, the wording is shown read-only.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { itemLabel } from '../../../contract/analysis.js';
import { useAction } from '../api/use-action.js';
import { useI18n } from '../i18n/i18n.js';
import { LEADERSHIP_ITEMS, RK_ITEMS } from '../survey/survey-api.js';
import { ErrorAlert } from '../ui/feedback.js';
import { TextAreaField } from '../ui/field.js';
import {
  MeasurementForm,
  settingsOf,
  valuesOf,
  type MeasurementSettings,
} from './measurement-form.js';
import {
  updateMeasurement,
  type Arm,
  type Flow,
  type ItemTexts,
  type Measurement,
} from './measurements-api.js';
import { Button } from '../ui/button.js';
import { SubmitButton } from '../ui/submit-button.js';
import { Section } from '../ui/section.js';

/** Every item, in the order of the questionnaire. */
const ITEMS: readonly string[] = [...RK_ITEMS, ...LEADERSHIP_ITEMS];

/** The settings of a draft as a form; saving sends only what changed. */
export function DraftSettings({
  measurement,
  groups,
  onSaved,
  onCancel,
}: {
  measurement: Measurement;
  groups: { id: string; arm: Arm | null; flow: Flow | null }[];
  onSaved: (changed: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const initial = valuesOf(measurement, groups);
  const before = settingsOf(initial);
  const save = async (after: MeasurementSettings) => {
    // Send only what changed.
    const change: Record<string, unknown> = {};
    for (const key of Object.keys(after) as (keyof MeasurementSettings)[]) {
      if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) change[key] = after[key];
    }
    const changed = Object.keys(change).length > 0;
    if (changed) await updateMeasurement(measurement.id, change);
    await onSaved(changed);
  };

  return (
    <section className="panel draft-editor" aria-labelledby="draft-settings">
      <h2 className="panel__title" id="draft-settings">
        {t('draft.edit')}
      </h2>
      <MeasurementForm
        initial={initial}
        showOpensAt
        submitLabel={t('common.save')}
        onSubmit={save}
        actions={<Button onClick={onCancel}>{t('common.cancel')}</Button>}
      />
    </section>
  );
}

/** The wording of the items: a form while the measurement is a draft, read-only after. */
export function ItemWording({
  measurement,
  onSaved,
}: {
  measurement: Measurement;
  onSaved: (changed: boolean) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const draft = measurement.status === 'draft';
  const [texts, setTexts] = useState<ItemTexts>(measurement.items);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const { run, pending: busy, error, reset } = useAction();
  const items = ITEMS.filter((key) => measurement.items[key]);

  const set = (key: string, lang: 'da' | 'en', value: string) =>
    setTexts((current) => ({
      ...current,
      [key]: { da: current[key]?.da ?? '', en: current[key]?.en ?? '', [lang]: value },
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const empty = new Set<string>();
    for (const key of items) {
      if (!texts[key]?.da.trim()) empty.add(`${key}.da`);
      if (!texts[key]?.en.trim()) empty.add(`${key}.en`);
    }
    setMissing(empty);
    if (empty.size > 0) return;
    const changed = items.some(
      (key) =>
        texts[key]?.da.trim() !== measurement.items[key]?.da ||
        texts[key]?.en.trim() !== measurement.items[key]?.en,
    );
    reset();
    if (!changed) {
      await onSaved(false);
      return;
    }
    await run(async () => {
      // The server replaces the whole wording, so all items are sent.
      const all: ItemTexts = {};
      for (const key of items) {
        const text = texts[key];
        if (text) all[key] = { da: text.da.trim(), en: text.en.trim() };
      }
      await updateMeasurement(measurement.id, { items: all });
      await onSaved(true);
    });
  };

  return (
    <Section id="m-items" title={t('items.title')}>
      <p>{t('items.placeholder')}</p>
      <p>{t('items.ownWording')}</p>
      {!draft && <p className="muted">{t('items.locked')}</p>}
      {draft ? (
        <form className="form" noValidate onSubmit={submit}>
          <ErrorAlert error={error} />
          {items.map((key) => (
            <fieldset key={key} className="fieldset item-wording">
              <legend className="item-wording__key">{itemLabel(key, lang)}</legend>
              <TextAreaField
                label={t('items.da')}
                rows={2}
                required
                maxLength={500}
                value={texts[key]?.da ?? ''}
                error={missing.has(`${key}.da`) ? t('items.missing') : undefined}
                onChange={(e) => set(key, 'da', e.target.value)}
              />
              <TextAreaField
                label={t('items.en')}
                rows={2}
                required
                maxLength={500}
                value={texts[key]?.en ?? ''}
                error={missing.has(`${key}.en`) ? t('items.missing') : undefined}
                onChange={(e) => set(key, 'en', e.target.value)}
              />
            </fieldset>
          ))}
          <div className="form-actions">
            <SubmitButton pending={busy}>{t('items.save')}</SubmitButton>
          </div>
        </form>
      ) : (
        <dl className="item-list">
          {items.map((key) => (
            <div key={key} className="item-list__item">
              <dt>{itemLabel(key, lang)}</dt>
              <dd>
                <span lang="da">{measurement.items[key]?.da}</span>
                <span lang="en" className="muted">
                  {measurement.items[key]?.en}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}
