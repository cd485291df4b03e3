/** One measurement: status, invitations, opening, response rates, reminders and closing. */
import { formatDate } from '../ui/format-date.js';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PersonRole } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { loadOrganisation } from '../org/org-api.js';
import { professionLabel } from '../org/profession.js';
import { ConfirmDialog, FormDialog } from '../ui/dialog.js';
import { ErrorAlert, Notice, LoadStatus } from '../ui/feedback.js';
import { SelectField, TextField, bindText } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import { DraftSettings, ItemWording } from './measurement-draft.js';
import { statusKey } from './measurement-list-page.js';
import {
  closeMeasurement,
  endOfDay,
  invite,
  loadMeasurement,
  loadResponses,
  openMeasurement,
  remind,
  updateMeasurement,
  withdrawInvitations,
  type SuppressedReason,
} from './measurements-api.js';
import { RowAction } from '../ui/row-action.js';
import { ResponseImport } from './response-import.js';
import { Button } from '../ui/button.js';
import { Section } from '../ui/section.js';
import { Breadcrumb } from '../ui/breadcrumb.js';

type Dialog =
  | 'invite'
  | 'open'
  | 'remind'
  | 'close'
  | 'extend'
  | { withdraw: { group: string; name: string; invited: number } }
  | undefined;
/** The invite dialog's choice "everyone with one of the measurement's professions". */
const EVERY_PROFESSION = '*';

export function MeasurementDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const detail = useApi(() => loadMeasurement(id), `measurement:${id}`);
  const responses = useApi(() => loadResponses(id), `responses:${id}`);
  const org = useApi(() => loadOrganisation(false), 'org');
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string>();
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState<'' | PersonRole>('');
  const [closesAt, setClosesAt] = useState('');
  const [editing, setEditing] = useState(false);

  if (!detail.data) {
    return (
      <div className="page">
        <LoadStatus state={detail} />
      </div>
    );
  }
  const { measurement: m, groups } = detail.data;
  // Profession groups are keyed and named by the profession, stored in lower case.
  const byProfession = m.groupKind === 'profession';
  const groupLabel = (name: string) => (byProfession ? professionLabel(name) : name);
  const reload = async () => {
    await Promise.all([detail.reload(), responses.reload()]);
  };
  const date = (iso: string | null) => formatDate(iso, locale);
  const r = responses.data;
  /** The active people whose profession is one of the measurement's (of one role, if given). */
  const withProfession = (of: '' | PersonRole) => {
    const professions = new Set(groups.map((g) => g.id));
    return (org.data?.people ?? [])
      .filter((p) => !p.archived && p.profession !== null && professions.has(p.profession))
      .filter((p) => of === '' || p.role === of)
      .map((p) => p.id);
  };
  const min = r?.minGroup ?? m.minGroup;
  /** A finished count as shown: the number, its step while open, or why it is hidden. */
  const count = (n: number | null, reason: SuppressedReason | null) => {
    if (n === null) {
      return t(reason === 'complementary' ? 'suppressed.complementary' : 'suppressed.small', {
        min,
      });
    }
    if (r?.step)
      return n === 0 ? t('responses.belowStep', { step: r.step }) : t('responses.atLeast', { n });
    return n;
  };
  /** The share who submitted, rounded down (never more than the shown count allows). */
  const rate = (n: number | null, invited: number) => {
    if (n === null || invited === 0 || (r?.step && n === 0)) return '–';
    const share = (Math.floor((n * 100) / invited) / 100).toLocaleString(locale, {
      style: 'percent',
    });
    return r?.step ? t('responses.atLeast', { n: share }) : share;
  };

  return (
    <div className="page">
      <Breadcrumb to="/maalinger" label={t('measurements.back')} />
      <div className="page-header">
        <div>
          <PageTitle title={m.title}>{m.title}</PageTitle>
          <p className="lead">{m.focalProcess}</p>
        </div>
        {m.status !== 'draft' && (
          <div className="page-header__actions">
            <Link className="button button--primary" to={`/maalinger/${m.id}/analyse`}>
              {t('measurement.analysis')}
            </Link>
          </div>
        )}
      </div>
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          <p>{notice}</p>
        </Notice>
      )}
      <Section id="m-status" title={t('measurement.overview')}>
        <dl className="facts">
          <div>
            <dt>{t('measurements.col.status')}</dt>
            <dd>
              <span className={`badge badge--status-${m.status}`}>{t(statusKey(m.status))}</span>
            </dd>
          </div>
          <div>
            <dt>{t('measurements.col.wave')}</dt>
            <dd>{m.waveLabel}</dd>
          </div>
          <div>
            <dt>{t('measurements.col.closes')}</dt>
            <dd>{date(m.closesAt)}</dd>
          </div>
          <div>
            <dt>{t('measurement.minGroup')}</dt>
            <dd>{m.minGroup}</dd>
          </div>
          <div>
            <dt>{t(byProfession ? 'measurement.professions' : 'measurement.groups')}</dt>
            <dd>
              {groups
                .map((g) => (g.arm ? `${groupLabel(g.name)} (${g.arm})` : groupLabel(g.name)))
                .join(', ')}
            </dd>
          </div>
        </dl>
        <div className="toolbar">
          {m.status !== 'closed' && (
            <Button onClick={() => setDialog('invite')}>{t('measurement.invite')}</Button>
          )}
          {m.status === 'draft' && (
            <Button variant="primary" onClick={() => setDialog('open')}>
              {t('measurement.open')}
            </Button>
          )}
          {m.status === 'draft' && !editing && (
            <Button onClick={() => setEditing(true)}>{t('draft.edit')}</Button>
          )}
          {m.status === 'open' && (
            <>
              <Button onClick={() => setDialog('remind')}>{t('measurement.remind')}</Button>
              <Button
                onClick={() => {
                  setClosesAt(m.closesAt ? m.closesAt.slice(0, 10) : '');
                  setDialog('extend');
                }}
              >
                {t('measurement.extend')}
              </Button>
              <Button variant="danger" onClick={() => setDialog('close')}>
                {t('measurement.close')}
              </Button>
            </>
          )}
          <Link className="button button--quiet" to="/udbakke">
            {t('measurement.outbox')}
          </Link>
        </div>
      </Section>

      {m.status === 'draft' && editing && (
        <DraftSettings
          measurement={m}
          groups={groups}
          onCancel={() => setEditing(false)}
          onSaved={async (changed) => {
            setEditing(false);
            setNotice(t(changed ? 'draft.saved' : 'draft.unchanged'));
            await reload();
          }}
        />
      )}

      <Section id="m-responses" title={t('responses.title')}>
        <ErrorAlert error={responses.error} />
        {r && (
          <>
            <p>
              {t('responses.summary', {
                invited: r.invited,
                finished: String(count(r.finished, r.finishedSuppressedReason)),
                rate: rate(r.finished, r.invited),
              })}
            </p>
            <p className="hint">
              {r.step ? t('responses.openHint', { step: r.step }) : t('responses.closedHint')}
            </p>
            <DataTable
              label={t('responses.title')}
              columns={[
                t(byProfession ? 'responses.col.profession' : 'responses.col.unit'),
                { label: t('responses.col.invited'), className: 'table__num' },
                { label: t('responses.col.finished'), className: 'table__num' },
                { label: t('responses.col.rate'), className: 'table__num' },
              ]}
              actions={m.status !== 'closed' && t('withdraw.col')}
              compact
            >
              {r.units.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row">{groupLabel(u.unitName)}</th>
                  <td className="table__num">{u.invited}</td>
                  <td className="table__num">{count(u.finished, u.suppressedReason)}</td>
                  <td className="table__num">{rate(u.finished, u.invited)}</td>
                  {m.status !== 'closed' && (
                    <td className="table__actions">
                      <RowAction
                        label={t('withdraw.action')}
                        target={groupLabel(u.unitName)}
                        danger
                        onClick={() =>
                          setDialog({
                            withdraw: {
                              group: u.unitId,
                              name: groupLabel(u.unitName),
                              invited: u.invited,
                            },
                          })
                        }
                      />
                    </td>
                  )}
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </Section>

      <ItemWording
        key={`${m.id}-${m.status}`}
        measurement={m}
        onSaved={async (changed) => {
          setNotice(t(changed ? 'items.saved' : 'draft.unchanged'));
          await reload();
        }}
      />

      <ResponseImport
        measurementId={m.id}
        waveLabel={m.waveLabel}
        onImported={async (report) => {
          setNotice(
            t('responseImport.done', { rows: report.rows, respondents: report.respondents }),
          );
          await reload();
        }}
      />

      {dialog === 'invite' && (
        <FormDialog
          title={t('measurement.invite')}
          submitLabel={t('measurement.invite.submit')}
          onClose={() => setDialog(undefined)}
          onSubmit={async () => {
            if (!unitId) return false;
            const result = await invite(
              id,
              unitId === EVERY_PROFESSION
                ? { personIds: withProfession(role) }
                : { unitIds: [unitId], ...(role ? { roles: [role] } : {}) },
            );
            setNotice(t('measurement.invited', { added: result.added, matched: result.matched }));
            await reload();
          }}
        >
          <p>
            {t(
              byProfession ? 'measurement.invite.professionHint' : 'measurement.invite.groupsHint',
            )}
          </p>
          <SelectField
            label={t('measurement.invite.unit')}
            value={unitId}
            required
            onChange={(e) => setUnitId(e.target.value)}
          >
            <option value="">{t('measurement.invite.pick')}</option>
            {byProfession && (
              <option value={EVERY_PROFESSION}>{t('measurement.invite.allProfessions')}</option>
            )}
            {(org.data?.units ?? [])
              // A measurement of units invites only its groups; the server refuses others.
              .filter((u) => !u.archived && (byProfession || groups.some((g) => g.id === u.id)))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </SelectField>
          <SelectField
            label={t('measurement.invite.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as '' | PersonRole)}
          >
            <option value="">{t('measurement.invite.allRoles')}</option>
            <option value="leder">{t('personRole.leder')}</option>
            <option value="medarbejder">{t('personRole.medarbejder')}</option>
          </SelectField>
        </FormDialog>
      )}
      {typeof dialog === 'object' && (
        <ConfirmDialog
          title={t('withdraw.title', { group: dialog.withdraw.name })}
          confirmLabel={t('withdraw.action')}
          danger
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            const result = await withdrawInvitations(id, dialog.withdraw.group);
            setNotice(
              t('withdraw.done', { withdrawn: result.withdrawn, group: dialog.withdraw.name }),
            );
            await reload();
          }}
        >
          <p>
            {t('withdraw.body', { invited: dialog.withdraw.invited, group: dialog.withdraw.name })}
          </p>
        </ConfirmDialog>
      )}
      {dialog === 'open' && (
        <ConfirmDialog
          title={t('measurement.open.title')}
          confirmLabel={t('measurement.open')}
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            const result = await openMeasurement(id);
            setNotice(t('measurement.opened', { sent: result.sent }));
            await reload();
          }}
        >
          <p>{t('measurement.open.body')}</p>
        </ConfirmDialog>
      )}
      {dialog === 'remind' && (
        <ConfirmDialog
          title={t('measurement.remind.title')}
          confirmLabel={t('measurement.remind')}
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            const result = await remind(id);
            setNotice(t('measurement.reminded', { count: result.reminded }));
            await reload();
          }}
        >
          <p>{t('measurement.remind.body')}</p>
        </ConfirmDialog>
      )}
      {dialog === 'close' && (
        <ConfirmDialog
          title={t('measurement.close.title')}
          confirmLabel={t('measurement.close')}
          danger
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await closeMeasurement(id);
            setNotice(t('measurement.closed'));
            await reload();
          }}
        >
          <p>{t('measurement.close.body')}</p>
        </ConfirmDialog>
      )}
      {dialog === 'extend' && (
        <FormDialog
          title={t('measurement.extend')}
          submitLabel={t('common.save')}
          onClose={() => setDialog(undefined)}
          onSubmit={async () => {
            if (!closesAt) return false;
            await updateMeasurement(id, { closesAt: endOfDay(closesAt) });
            setNotice(t('measurement.extended'));
            await reload();
          }}
        >
          <TextField
            label={t('measurementNew.closesAt')}
            type="date"
            required
            {...bindText(closesAt, setClosesAt)}
          />
        </FormDialog>
      )}
    </div>
  );
}
