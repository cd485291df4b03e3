/**
 * The municipality's progression instruments (admins, analysts): the list, and a form to
 * create or edit one — name, target group, structure, short items (1–5 or 0–10
 * self-rating, yes/no, free text, or answer options with scores) that can be reordered
 * and removed, and sub-scales. A licensed instrument is entered here without code. The
 * server's rules (at least one item, an answered item keeps its kind, sub-scales name
 * scored items) come back as its own message.
 */
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { ErrorAlert, Notice, LoadStatus } from '../ui/feedback.js';
import { CheckList, SelectField, TextAreaField, TextField, toggled } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { RowAction } from '../ui/row-action.js';
import { TableFrame } from '../ui/table-frame.js';
import { VisuallyHidden } from '../ui/visually-hidden.js';
import {
  INSTRUMENT_GROUPS,
  INSTRUMENT_STRUCTURES,
  ITEM_KINDS,
  SUBSCALE_METHODS,
  type InstrumentGroup,
  type InstrumentStructure,
  type ItemKind,
  type SubscaleMethod,
} from '../../../contract/progression.js';
import {
  createInstrument,
  loadInstruments,
  updateInstrument,
  type Instrument,
  type InstrumentItem,
} from './progression-api.js';
import { Button } from '../ui/button.js';
import { SubmitButton } from '../ui/submit-button.js';

const GROUPS = INSTRUMENT_GROUPS;
const KINDS = ITEM_KINDS;
const isScale = (kind: ItemKind) => kind === 'scale-1-5' || kind === 'scale-0-10';

/** An item in the form; `id` is empty until the instrument is saved the first time. */
interface DraftItem {
  key: number;
  id: string;
  text: string;
  kind: ItemKind;
  low: string;
  high: string;
  /** Answer options as lines of "wording = score". */
  options: string;
}

/** A sub-scale in the form; it names its items by their form keys until saved. */
interface DraftSubscale {
  key: number;
  id: string;
  name: string;
  method: SubscaleMethod;
  items: Set<number>;
}

interface Draft {
  name: string;
  targetGroup: InstrumentGroup;
  structure: InstrumentStructure;
  source: string;
  description: string;
  items: DraftItem[];
  subscales: DraftSubscale[];
}

/** Parse "wording = score" lines; the line number of the first bad line, if any. */
export function parseOptions(text: string): { label: string; score: number }[] | number {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const options: { label: string; score: number }[] = [];
  for (const [i, line] of lines.entries()) {
    const at = line.lastIndexOf('=');
    const label = line.slice(0, Math.max(at, 0)).trim();
    const score = Number(
      line
        .slice(at + 1)
        .trim()
        .replace(',', '.'),
    );
    if (at <= 0 || !label || line.slice(at + 1).trim() === '' || !Number.isFinite(score))
      return i + 1;
    options.push({ label, score });
  }
  return options;
}

let nextKey = 1;
const draftItem = (item?: InstrumentItem): DraftItem => ({
  key: nextKey++,
  id: item?.id ?? '',
  text: item?.text ?? '',
  kind: item?.kind ?? 'scale-1-5',
  low: item?.low ?? '',
  high: item?.high ?? '',
  options: (item?.options ?? []).map((o) => `${o.label} = ${o.score}`).join('\n'),
});

/** A stable item id from its first wording (lowercase, digits and dashes, as the server wants). */
function slug(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replaceAll('æ', 'ae')
      .replaceAll('ø', 'oe')
      .replaceAll('å', 'aa')
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30)
      .replace(/-+$/, '') || 'spm';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function toBody(draft: Draft) {
  const taken = new Set(draft.items.map((i) => i.id).filter(Boolean));
  const ids = new Map<number, string>();
  const items = draft.items.map((item): InstrumentItem => {
    const low = item.low.trim();
    const high = item.high.trim();
    const id = item.id || slug(item.text, taken);
    ids.set(item.key, id);
    const options = parseOptions(item.options);
    return {
      id,
      text: item.text.trim(),
      kind: item.kind,
      ...(isScale(item.kind) && low ? { low } : {}),
      ...(isScale(item.kind) && high ? { high } : {}),
      ...(item.kind === 'options' && typeof options !== 'number' ? { options } : {}),
    };
  });
  const subscaleIds = new Set(draft.subscales.map((s) => s.id).filter(Boolean));
  return {
    name: draft.name.trim(),
    targetGroup: draft.targetGroup,
    structure: draft.structure,
    source: draft.source.trim(),
    description: draft.description.trim(),
    items,
    subscales: draft.subscales.map((sub) => ({
      id: sub.id || slug(sub.name, subscaleIds),
      name: sub.name.trim(),
      method: sub.method,
      items: draft.items.filter((i) => sub.items.has(i.key)).map((i) => ids.get(i.key)!),
    })),
  };
}

type Editing = { instrument?: Instrument };

export function InstrumentsPage() {
  const { t } = useI18n();
  const instruments = useApi(async () => (await loadInstruments()).instruments, 'instruments');
  const [editing, setEditing] = useState<Editing>();
  const [archiving, setArchiving] = useState<Instrument>();
  const [flash, setFlash] = useState<string>();

  const saved = (message: string) => {
    setEditing(undefined);
    setFlash(message);
    void instruments.reload();
  };

  return (
    <section className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('instruments.title')}>{t('instruments.title')}</PageTitle>
          <p className="lead">{t('instruments.lead')}</p>
        </div>
        {!editing && (
          <div className="page-header__actions">
            <Button
              variant="primary"
              onClick={() => {
                setFlash(undefined);
                setEditing({});
              }}
            >
              {t('instruments.new')}
            </Button>
          </div>
        )}
      </div>

      {flash && <Notice onDismiss={() => setFlash(undefined)}>{flash}</Notice>}
      <LoadStatus state={instruments} retry />

      {editing ? (
        <InstrumentForm
          key={editing.instrument?.id ?? 'new'}
          instrument={editing.instrument}
          onCancel={() => setEditing(undefined)}
          onSaved={(instrument) =>
            saved(
              t(editing.instrument ? 'instruments.updated' : 'instruments.created', {
                name: instrument.name,
              }),
            )
          }
        />
      ) : (
        instruments.data && (
          <TableFrame label={t('instruments.title')}>
            <table className="table">
              <caption className="visually-hidden">{t('instruments.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('instruments.col.name')}</th>
                  <th scope="col">{t('instruments.col.group')}</th>
                  <th scope="col">{t('instruments.col.items')}</th>
                  <th scope="col">{t('instruments.col.status')}</th>
                  <th scope="col">
                    <VisuallyHidden>{t('instruments.col.actions')}</VisuallyHidden>
                  </th>
                </tr>
              </thead>
              <tbody>
                {instruments.data.map((instrument) => (
                  <tr
                    key={instrument.id}
                    className={instrument.archived ? 'row--muted' : undefined}
                  >
                    <th scope="row">{instrument.name}</th>
                    <td>{t(`instruments.group.${instrument.targetGroup}` as MessageKey)}</td>
                    <td>{instrument.items.length}</td>
                    <td>
                      {instrument.archived ? (
                        <span className="badge badge--archived">{t('instruments.archived')}</span>
                      ) : (
                        <span className="badge badge--active">{t('instruments.active')}</span>
                      )}
                      {instrument.isDefault && (
                        <span className="muted"> {t('instruments.isDefault')}</span>
                      )}
                    </td>
                    <td className="table__actions">
                      <RowAction
                        label={t('common.edit')}
                        target={instrument.name}
                        onClick={() => {
                          setFlash(undefined);
                          setEditing({ instrument });
                        }}
                      />
                      <RowAction
                        label={t(instrument.archived ? 'common.restore' : 'common.archive')}
                        target={instrument.name}
                        danger={!instrument.archived}
                        onClick={() => setArchiving(instrument)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )
      )}

      {archiving && (
        <ConfirmDialog
          title={t(archiving.archived ? 'instruments.restore.title' : 'instruments.archive.title', {
            name: archiving.name,
          })}
          confirmLabel={t(archiving.archived ? 'common.restore' : 'common.archive')}
          danger={!archiving.archived}
          onClose={() => setArchiving(undefined)}
          onConfirm={async () => {
            await updateInstrument(archiving.id, { archived: !archiving.archived });
            setFlash(
              t(archiving.archived ? 'instruments.restored' : 'instruments.archivedDone', {
                name: archiving.name,
              }),
            );
            void instruments.reload();
          }}
        >
          <p>{t(archiving.archived ? 'instruments.restore.text' : 'instruments.archive.text')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function InstrumentForm({
  instrument,
  onCancel,
  onSaved,
}: {
  instrument: Instrument | undefined;
  onCancel: () => void;
  onSaved: (instrument: Instrument) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => {
    const items = instrument ? instrument.items.map(draftItem) : [draftItem()];
    const keyOf = new Map(items.map((i) => [i.id, i.key]));
    return {
      name: instrument?.name ?? '',
      targetGroup: instrument?.targetGroup ?? 'voksne',
      structure: instrument?.structure ?? 'general',
      source: instrument?.source ?? '',
      description: instrument?.description ?? '',
      items,
      subscales: (instrument?.subscales ?? []).map((sub) => ({
        key: nextKey++,
        id: sub.id,
        name: sub.name,
        method: sub.method,
        items: new Set(sub.items.flatMap((id) => keyOf.get(id) ?? [])),
      })),
    };
  });
  const setSubscale = (key: number, change: Partial<DraftSubscale>) =>
    setDraft((d) => ({
      ...d,
      subscales: d.subscales.map((s) => (s.key === key ? { ...s, ...change } : s)),
    }));
  const [removing, setRemoving] = useState<DraftItem>();
  const [showErrors, setShowErrors] = useState(false);
  const { run, pending: busy, error } = useAction();

  const setItem = (key: number, change: Partial<DraftItem>) =>
    setDraft((d) => ({
      ...d,
      items: d.items.map((i) => (i.key === key ? { ...i, ...change } : i)),
    }));
  const move = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const items = [...d.items];
      const [item] = items.splice(index, 1);
      items.splice(index + by, 0, item!);
      return { ...d, items };
    });

  const nameError = showErrors && !draft.name.trim() ? t('instruments.name.missing') : undefined;
  const textError = (item: DraftItem) =>
    showErrors && !item.text.trim() ? t('instruments.item.text.missing') : undefined;
  const optionsProblem = (item: DraftItem) => {
    if (item.kind !== 'options') return undefined;
    const parsed = parseOptions(item.options);
    if (typeof parsed === 'number') return t('instruments.options.badLine', { n: parsed });
    return parsed.length < 2 ? t('instruments.options.tooFew') : undefined;
  };
  const optionsError = (item: DraftItem) => (showErrors ? optionsProblem(item) : undefined);
  const subscaleError = (sub: DraftSubscale) =>
    showErrors && (!sub.name.trim() || sub.items.size === 0)
      ? t('instruments.subscale.incomplete')
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setShowErrors(true);
    if (
      !draft.name.trim() ||
      draft.items.some((i) => !i.text.trim() || optionsProblem(i) !== undefined) ||
      draft.subscales.some((s) => !s.name.trim() || s.items.size === 0)
    )
      return;
    await run(async () => {
      const body = toBody(draft);
      onSaved(
        instrument ? await updateInstrument(instrument.id, body) : await createInstrument(body),
      );
    });
  };

  const title = instrument
    ? t('instruments.edit.title', { name: instrument.name })
    : t('instruments.new');

  return (
    <>
      <form className="form panel" noValidate onSubmit={submit} aria-labelledby="instrument-form">
        <h2 className="panel__title" id="instrument-form">
          {title}
        </h2>
        <ErrorAlert error={error} />
        <TextField
          label={t('instruments.name')}
          required
          maxLength={200}
          value={draft.name}
          error={nameError}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <SelectField
          label={t('instruments.group')}
          value={draft.targetGroup}
          onChange={(e) => setDraft({ ...draft, targetGroup: e.target.value as InstrumentGroup })}
        >
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`instruments.group.${g}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('instruments.structure')}
          hint={t(`instruments.structure.${draft.structure}.hint` as MessageKey)}
          value={draft.structure}
          onChange={(e) => setDraft({ ...draft, structure: e.target.value as InstrumentStructure })}
        >
          {INSTRUMENT_STRUCTURES.map((s) => (
            <option key={s} value={s}>
              {t(`instruments.structure.${s}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('instruments.source')}
          hint={t('instruments.source.hint')}
          maxLength={300}
          value={draft.source}
          onChange={(e) => setDraft({ ...draft, source: e.target.value })}
        />
        <TextAreaField
          label={t('instruments.description')}
          hint={t('instruments.description.hint')}
          maxLength={2000}
          rows={2}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />

        <h3>{t('instruments.items')}</h3>
        <p className="muted">{t('instruments.items.hint')}</p>
        {draft.items.length === 0 && <p>{t('instruments.items.none')}</p>}
        <ol className="member-rows">
          {draft.items.map((item, index) => {
            const n = index + 1;
            return (
              <li key={item.key} className="member-row">
                <fieldset className="fieldset">
                  <legend className="field__label">{t('instruments.item', { n })}</legend>
                  <TextField
                    label={t('instruments.item.text')}
                    required
                    maxLength={300}
                    value={item.text}
                    error={textError(item)}
                    onChange={(e) => setItem(item.key, { text: e.target.value })}
                  />
                  <SelectField
                    label={t('instruments.item.kind')}
                    value={item.kind}
                    onChange={(e) => setItem(item.key, { kind: e.target.value as ItemKind })}
                  >
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`instruments.kind.${k}` as MessageKey)}
                      </option>
                    ))}
                  </SelectField>
                  {isScale(item.kind) && (
                    <>
                      <TextField
                        label={t('instruments.item.low')}
                        hint={t('instruments.item.low.hint')}
                        maxLength={60}
                        value={item.low}
                        onChange={(e) => setItem(item.key, { low: e.target.value })}
                      />
                      <TextField
                        label={t('instruments.item.high')}
                        hint={t('instruments.item.high.hint')}
                        maxLength={60}
                        value={item.high}
                        onChange={(e) => setItem(item.key, { high: e.target.value })}
                      />
                    </>
                  )}
                  {item.kind === 'options' && (
                    <TextAreaField
                      label={t('instruments.options')}
                      hint={t('instruments.options.hint')}
                      rows={3}
                      value={item.options}
                      error={optionsError(item)}
                      onChange={(e) => setItem(item.key, { options: e.target.value })}
                    />
                  )}
                  <div className="form-actions">
                    {index > 0 && (
                      <RowAction
                        label={t('instruments.item.up')}
                        target={t('instruments.item', { n })}
                        onClick={() => move(index, -1)}
                      />
                    )}
                    {index < draft.items.length - 1 && (
                      <RowAction
                        label={t('instruments.item.down')}
                        target={t('instruments.item', { n })}
                        onClick={() => move(index, 1)}
                      />
                    )}
                    <RowAction
                      label={t('instruments.item.remove')}
                      target={t('instruments.item', { n })}
                      danger
                      onClick={() => setRemoving(item)}
                    />
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button onClick={() => setDraft((d) => ({ ...d, items: [...d.items, draftItem()] }))}>
          {t('instruments.item.add')}
        </Button>

        <h3>{t('instruments.subscales')}</h3>
        <p className="muted">{t('instruments.subscales.hint')}</p>
        <ol className="member-rows">
          {draft.subscales.map((sub, index) => (
            <li key={sub.key} className="member-row">
              <fieldset className="fieldset">
                <legend className="field__label">
                  {t('instruments.subscale', { n: index + 1 })}
                </legend>
                <TextField
                  label={t('instruments.subscale.name')}
                  required
                  maxLength={120}
                  value={sub.name}
                  error={subscaleError(sub)}
                  onChange={(e) => setSubscale(sub.key, { name: e.target.value })}
                />
                <SelectField
                  label={t('instruments.subscale.method')}
                  value={sub.method}
                  onChange={(e) =>
                    setSubscale(sub.key, { method: e.target.value as SubscaleMethod })
                  }
                >
                  {SUBSCALE_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {t(`instruments.subscale.method.${m}` as MessageKey)}
                    </option>
                  ))}
                </SelectField>
                <p className="field__label">{t('instruments.subscale.items')}</p>
                <CheckList
                  items={draft.items
                    .filter((i) => i.kind !== 'text')
                    .map((i) => ({ id: String(i.key), label: i.text || '…' }))}
                  chosen={new Set([...sub.items].map(String))}
                  onToggle={(id, on) =>
                    setSubscale(sub.key, {
                      items: new Set(
                        [...toggled(new Set([...sub.items].map(String)), id, on)].map(Number),
                      ),
                    })
                  }
                />
                <RowAction
                  label={t('instruments.subscale.remove')}
                  target={t('instruments.subscale', { n: index + 1 })}
                  danger
                  onClick={() =>
                    setDraft((d) => ({
                      ...d,
                      subscales: d.subscales.filter((s) => s.key !== sub.key),
                    }))
                  }
                />
              </fieldset>
            </li>
          ))}
        </ol>
        <Button
          onClick={() =>
            setDraft((d) => ({
              ...d,
              subscales: [
                ...d.subscales,
                { key: nextKey++, id: '', name: '', method: 'sum', items: new Set() },
              ],
            }))
          }
        >
          {t('instruments.subscale.add')}
        </Button>

        <div className="form-actions">
          <SubmitButton pending={busy}>{t('instruments.save')}</SubmitButton>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>

      {removing && (
        <ConfirmDialog
          title={t('instruments.item.remove.title')}
          confirmLabel={t('instruments.item.remove')}
          danger
          onClose={() => setRemoving(undefined)}
          onConfirm={async () => {
            setDraft((d) => ({ ...d, items: d.items.filter((i) => i.key !== removing.key) }));
            return Promise.resolve();
          }}
        >
          <p>
            {removing.text.trim()
              ? t('instruments.item.remove.text', { text: removing.text.trim() })
              : t('instruments.item.remove.empty')}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
