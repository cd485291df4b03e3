/**
 * Implementation surveys of staff (docs/implementation.md) for analysts and admins: the
 * surveys, a new draft from an item set over chosen units, and the item sets (the built-in
 * default can be copied; own sets edited). A leader sees only the surveys of their unit.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FIDELITY_ELEMENT_LABELS } from '../../../contract/fidelity.js';
import { can } from '../../../contract/permissions.js';
import {
  IMPLEMENTATION_ELEMENTS,
  IMPLEMENTATION_SCALES,
  type ImplementationItem,
} from '../../../contract/implementation.js';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { loadOrganisation } from '../org/org-api.js';
import { Button } from '../ui/button.js';
import { EmptyState, ErrorAlert, LoadStatus, Notice } from '../ui/feedback.js';
import { CheckList, ChoiceField, SelectField, TextField, toggled } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { PageTitle } from '../ui/page-title.js';
import { SubmitButton } from '../ui/submit-button.js';
import {
  createItemSet,
  createSurvey,
  loadItemSets,
  loadSurveys,
  updateItemSet,
  type ItemSetView,
} from './implementation-api.js';

export function ImplementationPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const manage = user !== null && can(user.role, 'measurements.manage');
  const surveys = useApi(loadSurveys, 'implementation-surveys');
  return (
    <div className="page">
      <PageTitle title={t('implementation.title')}>{t('implementation.title')}</PageTitle>
      <p className="lead">{t(manage ? 'implementation.lead' : 'implementation.leadLeader')}</p>
      <section aria-labelledby="implementation-surveys">
        <h2 id="implementation-surveys">{t('implementation.surveys')}</h2>
        <LoadStatus state={surveys} retry />
        {surveys.data && surveys.data.length === 0 && (
          <EmptyState title={t('implementation.none')} />
        )}
        {surveys.data && surveys.data.length > 0 && (
          <ul className="link-list">
            {surveys.data.map((s) => (
              <li key={s.id}>
                <Link to={`/implementering/${s.id}`}>{s.title}</Link>{' '}
                <span className="muted">({t(`implementation.status.${s.status}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {manage && <Manage onCreated={surveys.reload} />}
    </div>
  );
}

/** The owners' part: a new survey and the item sets. */
function Manage({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useI18n();
  const sets = useApi(loadItemSets, 'implementation-sets');
  return (
    <>
      {sets.data && <NewSurvey sets={sets.data} onCreated={onCreated} />}
      <section aria-labelledby="implementation-sets">
        <h2 id="implementation-sets">{t('implementation.sets')}</h2>
        <p>{t('implementation.ownWording')}</p>
        <LoadStatus state={sets} retry />
        {sets.data?.map((set) => (
          <ItemSetEditor key={set.id} set={set} onSaved={sets.reload} />
        ))}
      </section>
    </>
  );
}

function NewSurvey({ sets, onCreated }: { sets: ItemSetView[]; onCreated: () => Promise<void> }) {
  const { t } = useI18n();
  const org = useApi(() => loadOrganisation(false), 'org');
  const [title, setTitle] = useState('');
  const [setId, setSetId] = useState(sets[0]?.id ?? 'standard');
  const [units, setUnits] = useState<Set<string>>(new Set());
  const action = useAction(onCreated);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(
      () => createSurvey({ title, itemSetId: setId, unitIds: [...units] }),
      t('implementation.created'),
    );
  };
  return (
    <section aria-labelledby="implementation-new">
      <h2 id="implementation-new">{t('implementation.new')}</h2>
      <form className="form" onSubmit={submit}>
        <TextField
          label={t('implementation.surveyTitle')}
          value={title}
          required
          onChange={(e) => setTitle(e.target.value)}
        />
        <SelectField
          label={t('implementation.itemSet')}
          value={setId}
          onChange={(e) => setSetId(e.target.value)}
        >
          <NamedOptions items={sets} />
        </SelectField>
        <fieldset className="fieldset">
          <legend>{t('implementation.units')}</legend>
          <LoadStatus state={org} />
          {org.data && (
            <CheckList
              items={org.data.units.map((u) => ({ id: u.id, label: u.name }))}
              chosen={units}
              onToggle={(id, on) => setUnits(toggled(units, id, on))}
            />
          )}
        </fieldset>
        <ErrorAlert error={action.error} />
        {action.notice && <Notice tone="success">{action.notice}</Notice>}
        <div className="form-actions">
          <SubmitButton pending={action.pending}>{t('implementation.create')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

const emptyItem = (): ImplementationItem => ({
  key: '',
  element: 'plan',
  scale: 'enig',
  da: '',
  en: '',
});

/** One item set: its items, and a form to edit it (an own set) or copy it (the built-in). */
function ItemSetEditor({ set, onSaved }: { set: ItemSetView; onSaved: () => Promise<void> }) {
  const { t, pick } = useI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(set.name);
  const [items, setItems] = useState<ImplementationItem[]>(set.items);
  const action = useAction(onSaved);
  const startEdit = () => {
    setName(set.builtIn ? t('implementation.copyName', { name: set.name }) : set.name);
    setItems(set.items);
    setEditing(true);
  };
  const change = (i: number, patch: Partial<ImplementationItem>) =>
    setItems(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { name, items };
    const saved = await action.run(
      () => (set.builtIn ? createItemSet(input) : updateItemSet(set.id, input)),
      t('implementation.savedSet'),
    );
    if (saved) setEditing(false);
  };
  return (
    <div className="panel">
      <h3 className="panel__title">
        {set.name} {set.builtIn && <span className="muted">({t('implementation.builtIn')})</span>}
      </h3>
      {!editing && (
        <>
          <ol>
            {set.items.map((item) => (
              <li key={item.key}>
                {pick(item)}{' '}
                <span className="muted">
                  ({pick(FIDELITY_ELEMENT_LABELS[item.element])};{' '}
                  {t(`implementation.scale.${item.scale}`)})
                </span>
              </li>
            ))}
          </ol>
          {action.notice && <Notice tone="success">{action.notice}</Notice>}
          <Button onClick={startEdit}>
            {set.builtIn ? t('implementation.copy') : t('implementation.edit')}
          </Button>
        </>
      )}
      {editing && (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <TextField
            label={t('implementation.setName')}
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
          />
          {items.map((item, i) => (
            <fieldset className="fieldset" key={i}>
              <legend>{t('implementation.item', { n: i + 1 })}</legend>
              <TextField
                label={t('implementation.key')}
                value={item.key}
                required
                onChange={(e) => change(i, { key: e.target.value })}
              />
              <ChoiceField
                label={t('implementation.element')}
                value={item.element}
                choices={IMPLEMENTATION_ELEMENTS}
                choiceLabel={(e) => pick(FIDELITY_ELEMENT_LABELS[e])}
                onChange={(element) => change(i, { element })}
              />
              <ChoiceField
                label={t('implementation.scale')}
                value={item.scale}
                choices={IMPLEMENTATION_SCALES}
                choiceLabel={(s) => t(`implementation.scale.${s}`)}
                onChange={(scale) => change(i, { scale })}
              />
              <TextField
                label={t('implementation.textDa')}
                value={item.da}
                required
                onChange={(e) => change(i, { da: e.target.value })}
              />
              <TextField
                label={t('implementation.textEn')}
                value={item.en}
                required
                onChange={(e) => change(i, { en: e.target.value })}
              />
              <Button
                variant="quiet-danger"
                small
                onClick={() => setItems(items.filter((_, j) => j !== i))}
              >
                {t('implementation.removeItem', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <Button onClick={() => setItems([...items, emptyItem()])}>
            {t('implementation.addItem')}
          </Button>
          <ErrorAlert error={action.error} />
          <div className="form-actions">
            <SubmitButton pending={action.pending}>{t('implementation.saveSet')}</SubmitButton>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </div>
        </form>
      )}
    </div>
  );
}
