/** One unit on the organisation page: its kind, its people and what an editor can do. */
import { useId } from 'react';
import type { Person, Unit } from '../../../contract/org.schema.js';
import { useI18n } from '../i18n/i18n.js';
import { RowAction } from '../ui/row-action.js';
import { VisuallyHidden } from '../ui/visually-hidden.js';
import { kindClass, kindLabel, personRoleLabel } from './org-labels.js';
import type { UnitView } from './org-view.js';
import { professionLabel } from './profession.js';
import { Button } from '../ui/button.js';

export interface UnitActions {
  editUnit: (unit: Unit) => void;
  archiveUnit: (view: UnitView) => void;
  restoreUnit: (unit: Unit) => void;
  addPerson: (unit: Unit) => void;
  editPerson: (person: Person) => void;
  archivePerson: (person: Person) => void;
  restorePerson: (person: Person) => void;
}

export function UnitCard({
  view,
  open,
  onToggle,
  actions,
}: {
  view: UnitView;
  open: boolean;
  onToggle: () => void;
  /** Undefined for users who may only read the organisation. */
  actions: UnitActions | undefined;
}) {
  const { t, tn } = useI18n();
  const { unit, people } = view;
  const peopleId = useId();
  const headingId = useId();

  return (
    <li className={unit.archived ? 'unit unit--archived' : 'unit'}>
      <div className="unit__header">
        <div className="unit__title">
          <h3 className="unit__name" id={headingId}>
            {unit.name}
          </h3>
          <span className={`badge badge--${kindClass(unit.kind)}`}>{kindLabel(t, unit.kind)}</span>
          {unit.archived && <span className="badge badge--archived">{t('org.archived')}</span>}
        </div>
        <div className="unit__actions">
          <Button
            variant="quiet"
            small
            className="disclosure"
            aria-expanded={open}
            aria-controls={peopleId}
            onClick={onToggle}
          >
            <span className="disclosure__icon" aria-hidden="true" />
            {view.matchedByPeople
              ? t('org.peopleMatching', { count: people.length })
              : tn(people.length, 'org.people.one', 'org.people.other')}
            <VisuallyHidden> {t('org.inUnit', { unit: unit.name })}</VisuallyHidden>
          </Button>
          {actions && !unit.archived && (
            <RowAction
              label={t('common.edit')}
              target={unit.name}
              onClick={() => actions.editUnit(unit)}
            />
          )}
          {actions &&
            (unit.archived ? (
              <RowAction
                label={t('common.restore')}
                target={unit.name}
                onClick={() => actions.restoreUnit(unit)}
              />
            ) : (
              <RowAction
                label={t('common.archive')}
                target={unit.name}
                danger
                onClick={() => actions.archiveUnit(view)}
              />
            ))}
        </div>
      </div>
      <div id={peopleId} className="unit__people" hidden={!open}>
        {open && (
          <>
            {people.length === 0 ? (
              <p className="muted">{t('org.noPeople')}</p>
            ) : (
              <ul className="people" aria-label={t('org.peopleIn', { unit: unit.name })}>
                {people.map((person) => (
                  <PersonRow key={person.id} person={person} actions={actions} />
                ))}
              </ul>
            )}
            {actions && !unit.archived && (
              <Button small onClick={() => actions.addPerson(unit)}>
                <span aria-hidden="true">+ </span>
                {t('org.person.add')}
                <VisuallyHidden> {t('org.toUnit', { unit: unit.name })}</VisuallyHidden>
              </Button>
            )}
          </>
        )}
      </div>
    </li>
  );
}

function PersonRow({ person, actions }: { person: Person; actions: UnitActions | undefined }) {
  const { t } = useI18n();
  return (
    <li className={person.archived ? 'person person--archived' : 'person'}>
      <span className="person__name">
        {person.name}
        {person.profession && (
          <span className="person__profession">
            <VisuallyHidden>{t('org.person.profession')}: </VisuallyHidden>
            {professionLabel(person.profession)}
          </span>
        )}
      </span>
      <span className="person__email">
        <a href={`mailto:${person.email}`}>{person.email}</a>
      </span>
      <span className="person__badges">
        <span className={`badge badge--role-${person.role}`}>
          {personRoleLabel(t, person.role)}
        </span>
        {person.archived && <span className="badge badge--archived">{t('org.archived')}</span>}
      </span>
      {actions && (
        <span className="person__actions">
          {person.archived ? (
            <RowAction
              label={t('common.restore')}
              target={person.name}
              onClick={() => actions.restorePerson(person)}
            />
          ) : (
            <>
              <RowAction
                label={t('common.edit')}
                target={person.name}
                onClick={() => actions.editPerson(person)}
              />
              <RowAction
                label={t('common.archive')}
                target={person.name}
                danger
                onClick={() => actions.archivePerson(person)}
              />
            </>
          )}
        </span>
      )}
    </li>
  );
}
