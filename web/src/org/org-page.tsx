/**
 * The organisation page: areas → units (myndighed / udfører / ekstern) → people.
 * Everyone logged in may read it; admins and analysis owners may edit, archive and
 * restore, and import from a file.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { can } from '../../../contract/permissions.js';
import { asApiError, type ApiError } from '../api/client.js';
import type { Area, Person, Unit } from '../../../contract/org.schema.js';
import { useApi } from '../api/use-api.js';
import { useUser } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { ConfirmDialog, Dialog } from '../ui/dialog.js';
import { EmptyState, ErrorAlert, Loading, Notice } from '../ui/feedback.js';
import { Checkbox } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { VisuallyHidden } from '../ui/visually-hidden.js';
import { AreaDialog } from './area-dialog.js';
import type { ImportSummary } from './import-summary.js';
import { ImportSummaryNotice } from './import-summary.js';
import { loadOrganisation, updatePerson, updateUnit } from './org-api.js';
import { countView, viewOrganisation, type UnitView } from './org-view.js';
import { PersonDialog } from './person-dialog.js';
import { professionsOf } from './profession.js';
import { UnitCard, type UnitActions } from './unit-card.js';
import { UnitDialog } from './unit-dialog.js';
import { Button } from '../ui/button.js';

type OpenDialog =
  | { type: 'area'; area?: Area }
  | { type: 'unit'; unit?: Unit; areaId?: string | null }
  | { type: 'person'; person?: Person; unitId: string }
  | { type: 'archiveUnit'; view: UnitView }
  | { type: 'archivePerson'; person: Person };

/** What the import page hands over after a successful import. */
export interface OrgPageState {
  imported?: ImportSummary;
}

export function OrgPage() {
  const { t, tn } = useI18n();
  const user = useUser();
  const canEdit = can(user.role, 'org.edit');
  const location = useLocation();
  const navigate = useNavigate();
  const searchId = useId();

  const [showArchived, setShowArchived] = useState(false);
  const [query, setQuery] = useState('');
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [dialog, setDialog] = useState<OpenDialog>();
  const [flash, setFlash] = useState<string>();
  const [imported, setImported] = useState<ImportSummary | undefined>(
    () => (location.state as OrgPageState | null)?.imported,
  );
  const org = useApi(() => loadOrganisation(showArchived), `org:${showArchived}`);

  // The import summary is shown once; a reload of the page should not show it again.
  useEffect(() => {
    if ((location.state as OrgPageState | null)?.imported) {
      void navigate(location.pathname, { replace: true, state: null });
    }
  }, [location, navigate]);

  const groups = useMemo(
    () => (org.data ? viewOrganisation(org.data, query) : []),
    [org.data, query],
  );
  const counts = countView(groups);
  const searching = query.trim() !== '';

  const isOpen = (view: UnitView) =>
    toggled.get(view.unit.id) ?? (searching && view.matchedByPeople);
  const toggle = (view: UnitView) =>
    setToggled((map) => new Map(map).set(view.unit.id, !isOpen(view)));

  const [actionError, setActionError] = useState<ApiError>();

  const done = (message: string) => {
    setImported(undefined);
    setActionError(undefined);
    setFlash(message);
    void org.reload();
  };

  /** Restoring is harmless and reversible, so it needs no confirmation step. */
  const restore = async (work: Promise<unknown>, message: string) => {
    try {
      await work;
      done(message);
    } catch (error) {
      setFlash(undefined);
      setActionError(asApiError(error));
    }
  };

  const actions: UnitActions | undefined = canEdit
    ? {
        editUnit: (unit) => setDialog({ type: 'unit', unit }),
        archiveUnit: (view) => setDialog({ type: 'archiveUnit', view }),
        restoreUnit: (unit) =>
          void restore(
            updateUnit(unit.id, { archived: false }),
            t('org.unit.restored', { name: unit.name }),
          ),
        addPerson: (unit) => setDialog({ type: 'person', unitId: unit.id }),
        editPerson: (person) => setDialog({ type: 'person', person, unitId: person.unitId }),
        archivePerson: (person) => setDialog({ type: 'archivePerson', person }),
        restorePerson: (person) =>
          void restore(
            updatePerson(person.id, { archived: false }),
            t('org.person.restored', { name: person.name }),
          ),
      }
    : undefined;

  const data = org.data;
  const empty = data !== undefined && data.units.length === 0 && !searching;
  const closeDialog = () => setDialog(undefined);

  return (
    <section className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('org.title')}>{t('org.title')}</PageTitle>
          <p className="lead">{t('org.lead')}</p>
        </div>
        {canEdit && (
          <div className="page-header__actions">
            <Link className="button button--secondary" to="/organisation/import">
              {t('org.import')}
            </Link>
            <Button onClick={() => setDialog({ type: 'area' })}>{t('org.area.new')}</Button>
            <Button variant="primary" onClick={() => setDialog({ type: 'unit' })}>
              {t('org.unit.new')}
            </Button>
          </div>
        )}
      </div>

      {imported && (
        <ImportSummaryNotice summary={imported} onDismiss={() => setImported(undefined)} />
      )}
      {flash && <Notice onDismiss={() => setFlash(undefined)}>{flash}</Notice>}
      <ErrorAlert error={actionError} />

      {data && (
        <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="toolbar__search">
            <label htmlFor={searchId} className="field__label">
              {t('org.search')}
            </label>
            <input
              id={searchId}
              className="input"
              type="search"
              value={query}
              autoComplete="off"
              placeholder={t('org.search.placeholder')}
              onChange={(e) => {
                setQuery(e.target.value);
                setToggled(new Map());
              }}
            />
          </div>
          <Checkbox
            label={t('org.showArchived')}
            checked={showArchived}
            onChange={setShowArchived}
          />
        </form>
      )}

      {org.status === 'loading' && !data && <Loading label={t('org.loading')} />}
      {org.error && (
        <ErrorAlert error={org.error}>
          <Button onClick={() => void org.reload()}>{t('common.retry')}</Button>
        </ErrorAlert>
      )}

      {empty && (
        <EmptyState title={t('org.empty.title')}>
          <p>{canEdit ? t('org.empty.editor') : t('org.empty.reader')}</p>
          {!showArchived && <p>{t('org.empty.archivedHint')}</p>}
          {canEdit && (
            <p className="empty-state__actions">
              <Link className="button button--primary" to="/organisation/import">
                {t('org.import')}
              </Link>
              <Button onClick={() => setDialog({ type: 'unit' })}>{t('org.unit.new')}</Button>
            </p>
          )}
        </EmptyState>
      )}

      {data && !empty && (
        <>
          <p className="result-count" role="status" aria-live="polite">
            {searching
              ? counts.units === 0
                ? t('org.search.none', { query: query.trim() })
                : t('org.search.result', {
                    units: tn(counts.units, 'org.units.one', 'org.units.other'),
                    people: tn(counts.people, 'org.people.one', 'org.people.other'),
                  })
              : t('org.summary', {
                  units: tn(counts.units, 'org.units.one', 'org.units.other'),
                  people: tn(counts.people, 'org.people.one', 'org.people.other'),
                })}
            {org.status === 'loading' && (
              <span className="spinner spinner--inline" aria-hidden="true" />
            )}
          </p>
          {groups.map((group) => {
            const name = group.area?.name ?? t('org.noArea');
            return (
              <section className="area" key={group.area?.id ?? 'none'} aria-label={name}>
                <div className="area__header">
                  <h2 className="area__name">{name}</h2>
                  <span className="area__count">
                    {tn(group.units.length, 'org.units.one', 'org.units.other')}
                  </span>
                  {canEdit && group.area && (
                    <span className="area__actions">
                      <Button
                        variant="quiet"
                        small
                        onClick={() => setDialog({ type: 'area', area: group.area ?? undefined })}
                      >
                        {t('org.area.rename')}
                        <VisuallyHidden> {name}</VisuallyHidden>
                      </Button>
                      <Button
                        variant="quiet"
                        small
                        onClick={() => setDialog({ type: 'unit', areaId: group.area?.id ?? null })}
                      >
                        <span aria-hidden="true">+ </span>
                        {t('org.unit.add')}
                        <VisuallyHidden> {t('org.inArea', { area: name })}</VisuallyHidden>
                      </Button>
                    </span>
                  )}
                </div>
                {group.units.length === 0 ? (
                  <p className="muted area__empty">{t('org.area.empty')}</p>
                ) : (
                  <ul className="unit-list">
                    {group.units.map((view) => (
                      <UnitCard
                        key={view.unit.id}
                        view={view}
                        open={isOpen(view)}
                        onToggle={() => toggle(view)}
                        actions={actions}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </>
      )}

      {dialog?.type === 'area' && (
        <AreaDialog
          area={dialog.area}
          onClose={closeDialog}
          onSaved={(area, created) =>
            done(t(created ? 'org.area.created' : 'org.area.saved', { name: area.name }))
          }
        />
      )}
      {dialog?.type === 'unit' && data && (
        <UnitDialog
          unit={dialog.unit}
          areas={data.areas}
          defaultAreaId={dialog.areaId}
          onClose={closeDialog}
          onSaved={(unit, created) =>
            done(t(created ? 'org.unit.created' : 'org.unit.saved', { name: unit.name }))
          }
        />
      )}
      {dialog?.type === 'person' && data && (
        <PersonDialog
          person={dialog.person}
          unitId={dialog.unitId}
          units={data.units}
          professions={professionsOf(data.people).map((p) => p.name)}
          onClose={closeDialog}
          onSaved={(person, created) =>
            done(t(created ? 'org.person.created' : 'org.person.saved', { name: person.name }))
          }
        />
      )}
      {dialog?.type === 'archiveUnit' &&
        (dialog.view.activePeople > 0 ? (
          <Dialog
            title={t('org.unit.archiveTitle', { name: dialog.view.unit.name })}
            onClose={closeDialog}
          >
            <div className="dialog__body">
              <p>
                {tn(
                  dialog.view.activePeople,
                  'org.unit.archiveBlocked.one',
                  'org.unit.archiveBlocked.other',
                )}
              </p>
            </div>
            <div className="dialog__actions">
              <Button variant="primary" onClick={closeDialog}>
                {t('common.close')}
              </Button>
            </div>
          </Dialog>
        ) : (
          <ConfirmDialog
            title={t('org.unit.archiveTitle', { name: dialog.view.unit.name })}
            confirmLabel={t('common.archive')}
            danger
            onClose={closeDialog}
            onConfirm={async () => {
              await updateUnit(dialog.view.unit.id, { archived: true });
              done(t('org.unit.archived', { name: dialog.view.unit.name }));
            }}
          >
            <p>{t('org.unit.archiveBody')}</p>
          </ConfirmDialog>
        ))}
      {dialog?.type === 'archivePerson' && (
        <ConfirmDialog
          title={t('org.person.archiveTitle', { name: dialog.person.name })}
          confirmLabel={t('common.archive')}
          danger
          onClose={closeDialog}
          onConfirm={async () => {
            await updatePerson(dialog.person.id, { archived: true });
            done(t('org.person.archived', { name: dialog.person.name }));
          }}
        >
          <p>{t('org.person.archiveBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
