/**
 * The three steps' panels beside the canvas: the actor list (the canvas's keyboard
 * alternative), rating from one actor's place, where perspectives differ, the ratings
 * matrix, and the development points. Followers see the same panels, read-only.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../api/use-api.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { formatDate } from '../ui/format-date.js';
import { loadOrganisation } from '../org/org-api.js';
import { SelectField, TextField, bindText } from '../ui/field.js';
import { NamedOptions } from '../ui/named-options.js';
import { CANVAS, type Actor, type Rating, type Workshop } from './workshops-api.js';
import { Button } from '../ui/button.js';
import { Section } from '../ui/section.js';

export const RATINGS: Rating[] = ['good', 'middle', 'low'];
export const ratingKey = (r: Rating): MessageKey => `workshop.rating.${r}`;

/** Eight places around an ellipse, in an order that spreads the first few bubbles out. */
const SLOTS = [0, 4, 2, 6, 1, 5, 3, 7];

/** Where a new actor goes: around an ellipse, so bubbles start apart. */
export function nextPosition(index: number) {
  const angle = (SLOTS[index % 8]! * 2 * Math.PI) / 8 - Math.PI / 2 + Math.floor(index / 8) * 0.3;
  return {
    x: Math.round(CANVAS.width / 2 + 380 * Math.cos(angle)),
    y: Math.round(CANVAS.height / 2 - 50 + 180 * Math.sin(angle)),
  };
}

/** Step 1: add, move (position inputs) and remove actors without a mouse. */
export function ActorList({
  workshop,
  editable,
  onAdd,
  onMove,
  onRemove,
}: {
  workshop: Workshop;
  editable: boolean;
  onAdd: (actor: { unitId: string | null; label: string | null }) => Promise<boolean>;
  onMove: (actor: Actor, x: number, y: number) => void;
  onRemove: (actor: Actor) => void;
}) {
  const { t } = useI18n();
  const org = useApi(() => loadOrganisation(false), 'org');
  const [unitId, setUnitId] = useState('');
  const [label, setLabel] = useState('');
  const used = new Set(workshop.actors.map((a) => a.unitId));
  const suggestions = workshop.suggestedActors.filter((s) => !s.onCanvas);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await onAdd({
      unitId: unitId === '' ? null : unitId,
      label: label.trim() === '' ? null : label.trim(),
    });
    if (added) {
      setUnitId('');
      setLabel('');
    }
  };

  return (
    <Section id="ws-actors" title={t('workshop.actors.title')}>
      <p className="muted">{t('workshop.actors.hint')}</p>
      {workshop.actors.length === 0 && <p>{t('workshop.actors.empty')}</p>}
      <ul className="workshop-actors">
        {workshop.actors.map((a) => (
          <li key={a.id} className="workshop-actors__item">
            <span className="workshop-actors__name">{a.label}</span>
            {editable ? (
              <>
                <PositionInput
                  label={t('workshop.actors.x', { name: a.label })}
                  value={a.x}
                  max={CANVAS.width}
                  onCommit={(x) => onMove(a, x, a.y)}
                />
                <PositionInput
                  label={t('workshop.actors.y', { name: a.label })}
                  value={a.y}
                  max={CANVAS.height}
                  onCommit={(y) => onMove(a, a.x, y)}
                />
                <Button variant="quiet-danger" small onClick={() => onRemove(a)}>
                  {t('workshop.actors.remove')}
                  <span className="visually-hidden">: {a.label}</span>
                </Button>
              </>
            ) : (
              <span className="muted">
                {a.x}, {a.y}
              </span>
            )}
          </li>
        ))}
      </ul>
      {editable && suggestions.length > 0 && (
        <div className="workshop-suggestions">
          <h3>{t('workshop.course.suggestions')}</h3>
          <ul className="actions-list">
            {suggestions.map((s) => (
              <li key={s.partyId}>
                <Button small onClick={() => void onAdd({ unitId: s.unitId, label: s.label })}>
                  {t('workshop.course.addSuggestion', { name: s.label })}
                </Button>
                {s.task && <span className="muted"> {s.task}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {editable && (
        <form className="form workshop-add" onSubmit={add}>
          <SelectField
            label={t('workshop.actors.unit')}
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
          >
            <option value="">{t('workshop.actors.noUnit')}</option>
            <NamedOptions items={(org.data?.units ?? []).filter((u) => !used.has(u.id))} />
          </SelectField>
          <TextField
            label={t('workshop.actors.name')}
            hint={t('workshop.actors.nameHint')}
            {...bindText(label, setLabel)}
            maxLength={120}
          />
          <Button type="submit">{t('workshop.actors.add')}</Button>
        </form>
      )}
    </Section>
  );
}

function PositionInput({
  label,
  value,
  max,
  onCommit,
}: {
  label: string;
  value: number;
  max: number;
  onCommit: (value: number) => void;
}) {
  const [text, setText] = useState<string>();
  const commit = () => {
    if (text === undefined) return;
    const n = Math.round(Number(text));
    setText(undefined);
    if (Number.isFinite(n) && n !== value) onCommit(Math.min(max, Math.max(0, n)));
  };
  return (
    <input
      className="input workshop-actors__pos"
      type="number"
      min={0}
      max={max}
      step={10}
      aria-label={label}
      value={text ?? String(value)}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

/** Step 2: the room takes one actor's place and colours its ties to the others. */
export function RatingPanel({
  workshop,
  editable,
  onCurrent,
  onRate,
}: {
  workshop: Workshop;
  editable: boolean;
  onCurrent: (actorId: string) => void;
  onRate: (from: string, to: string, rating: Rating | null) => void;
}) {
  const { t } = useI18n();
  const actors = workshop.actors;
  const index = Math.max(
    0,
    actors.findIndex((a) => a.id === workshop.currentActorId),
  );
  const current = actors[index];
  // The choice shows at once; the server's answer (a new version) replaces it.
  const [pending, setPending] = useState<Record<string, Rating | null>>({});
  useEffect(() => setPending({}), [workshop.version]);
  if (!current) return null;
  const rating = (to: string) => {
    const key = `${current.id}>${to}`;
    if (key in pending) return pending[key] ?? undefined;
    return workshop.ratings.find((r) => r.fromActorId === current.id && r.toActorId === to)?.rating;
  };
  const choose = (to: string, r: Rating | null) => {
    setPending((p) => ({ ...p, [`${current.id}>${to}`]: r }));
    onRate(current.id, to, r);
  };
  return (
    <section className="panel" aria-labelledby="ws-rate">
      <h2 className="panel__title" id="ws-rate" aria-live="polite">
        {t('workshop.rate.place', { name: current.label })}
      </h2>
      <p className="muted">{t('workshop.rate.progress', { n: index + 1, total: actors.length })}</p>
      {editable && (
        <div className="toolbar__buttons">
          <Button small disabled={index === 0} onClick={() => onCurrent(actors[index - 1]!.id)}>
            {t('workshop.rate.previous')}
          </Button>
          <Button
            variant="primary"
            small
            disabled={index === actors.length - 1}
            onClick={() => onCurrent(actors[index + 1]!.id)}
          >
            {t('workshop.rate.next')}
          </Button>
        </div>
      )}
      {actors
        .filter((a) => a.id !== current.id)
        .map((to) => (
          <fieldset key={to.id} className="workshop-rating">
            <legend>{t('workshop.rate.tie', { from: current.label, to: to.label })}</legend>
            {RATINGS.map((r) => (
              <label key={r} className={`workshop-rating__choice workshop-rating__choice--${r}`}>
                <input
                  type="radio"
                  name={`rate-${current.id}-${to.id}`}
                  checked={rating(to.id) === r}
                  disabled={!editable}
                  onChange={() => choose(to.id, r)}
                />
                {t(ratingKey(r))}
              </label>
            ))}
            {editable && rating(to.id) && (
              <Button variant="quiet" small onClick={() => choose(to.id, null)}>
                {t('workshop.rate.clear')}
                <span className="visually-hidden">: {to.label}</span>
              </Button>
            )}
          </fieldset>
        ))}
    </section>
  );
}

/** Where A sees the tie to B differently from how B sees it to A. */
export function Differences({ workshop }: { workshop: Workshop }) {
  const { t } = useI18n();
  const name = (id: string) => workshop.actors.find((a) => a.id === id)?.label ?? '';
  return (
    <Section id="ws-diff" title={t('workshop.diff.title')}>
      {workshop.differences.length === 0 ? (
        <p className="muted">{t('workshop.diff.none')}</p>
      ) : (
        <ul className="workshop-differences">
          {workshop.differences.map((d) => (
            <li key={`${d.a}-${d.b}`}>
              {t('workshop.diff.item', {
                a: name(d.a),
                b: name(d.b),
                ab: t(ratingKey(d.ab)),
                ba: t(ratingKey(d.ba)),
              })}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Every rating as a table: the row is whose place, the column the tie towards. */
export function RatingsMatrix({ workshop }: { workshop: Workshop }) {
  const { t } = useI18n();
  const rating = (from: string, to: string) =>
    workshop.ratings.find((r) => r.fromActorId === from && r.toActorId === to)?.rating;
  return (
    <div className="table-frame" role="region" aria-label={t('workshop.matrix.title')} tabIndex={0}>
      <table className="table table--compact">
        <caption>{t('workshop.matrix.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workshop.matrix.from')}</th>
            {workshop.actors.map((a) => (
              <th key={a.id} scope="col">
                {a.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {workshop.actors.map((from) => (
            <tr key={from.id}>
              <th scope="row">{from.label}</th>
              {workshop.actors.map((to) => {
                const r = from.id === to.id ? undefined : rating(from.id, to.id);
                return (
                  <td key={to.id} className={r ? `workshop-cell workshop-cell--${r}` : undefined}>
                    {from.id === to.id ? '' : r ? t(ratingKey(r)) : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Step 3: development points with owner (required) and date. */
export function PointsPanel({
  workshop,
  editable,
  onAdd,
  onDone,
  onRemove,
}: {
  workshop: Workshop;
  editable: boolean;
  onAdd: (point: { text: string; owner: string; dueOn: string | null }) => Promise<boolean>;
  onDone: (pointId: string, done: boolean) => void;
  onRemove: (pointId: string) => void;
}) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [ownerError, setOwnerError] = useState<string>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (owner.trim() === '') {
      setOwnerError(t('workshop.points.ownerRequired'));
      return;
    }
    setOwnerError(undefined);
    if (await onAdd({ text: text.trim(), owner: owner.trim(), dueOn: dueOn || null })) {
      setText('');
      setOwner('');
      setDueOn('');
    }
  };

  return (
    <Section id="ws-points" title={t('workshop.points.title')}>
      {workshop.points.length === 0 && <p className="muted">{t('workshop.points.empty')}</p>}
      <ul className="workshop-points">
        {workshop.points.map((p) => (
          <li
            key={p.id}
            className={p.done ? 'workshop-points__item row--muted' : 'workshop-points__item'}
          >
            <span>
              <strong>{p.text}</strong>
              <br />
              {t('workshop.points.ownerIs', { owner: p.owner })}
              {p.dueOn && ` · ${t('workshop.points.dueIs', { date: formatDate(p.dueOn, locale) })}`}
            </span>
            {editable && (
              <span className="workshop-points__actions">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={p.done}
                    onChange={(e) => onDone(p.id, e.target.checked)}
                  />
                  {t('workshop.points.done')}
                  <span className="visually-hidden">: {p.text}</span>
                </label>
                <Button variant="quiet-danger" small onClick={() => onRemove(p.id)}>
                  {t('workshop.actors.remove')}
                  <span className="visually-hidden">: {p.text}</span>
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form className="form" onSubmit={add} noValidate>
          <TextField
            label={t('workshop.points.text')}
            {...bindText(text, setText)}
            required
            maxLength={1000}
          />
          <TextField
            label={t('workshop.points.owner')}
            {...bindText(owner, setOwner, ownerError)}
            required
            maxLength={200}
          />
          <TextField label={t('workshop.points.due')} type="date" {...bindText(dueOn, setDueOn)} />
          <Button type="submit">{t('workshop.points.add')}</Button>
        </form>
      )}
    </Section>
  );
}
