/** Workshops: start one around a target group (optionally beside a measurement) or reopen one. */
import { formatDateTime } from '../ui/format-date.js';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../contract/permissions.js';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { useSession } from '../auth/session.js';
import { useI18n } from '../i18n/i18n.js';
import { MeasurementSelect } from '../measurements/measurement-select.js';
import { EmptyState, ErrorAlert, LoadStatus } from '../ui/feedback.js';
import { TextField, bindText } from '../ui/field.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import { createWorkshop, listWorkshops } from './workshops-api.js';
import { Button } from '../ui/button.js';

export function WorkshopListPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const mayStart = user !== null && can(user.role, 'workshops.facilitate');
  const list = useApi(listWorkshops, 'workshops');
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <PageTitle title={t('workshop.list.title')}>{t('workshop.list.title')}</PageTitle>
          <p className="lead">{t('workshop.list.lead')}</p>
        </div>
      </div>
      {mayStart && <NewWorkshopForm />}
      <h2>{t('workshop.list.reopen')}</h2>
      <LoadStatus state={list} />
      {list.data && list.data.length === 0 && <EmptyState title={t('workshop.list.empty')} />}
      {list.data && list.data.length > 0 && (
        <DataTable
          label={t('workshop.list.reopen')}
          columns={[
            t('workshop.field.title'),
            t('workshop.field.target'),
            t('workshop.list.step'),
            { label: t('workshop.list.actors'), className: 'table__num' },
            { label: t('workshop.list.openPoints'), className: 'table__num' },
            t('workshop.list.updated'),
          ]}
        >
          {list.data.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                <Link to={`/workshops/${w.id}`}>{w.title}</Link>
              </th>
              <td>{w.targetGroup}</td>
              <td>{t('workshop.list.stepOf', { step: w.step })}</td>
              <td className="table__num">{w.actors}</td>
              <td className="table__num">{w.openPoints}</td>
              <td className="table__nowrap">{formatDateTime(w.updatedAt, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

function NewWorkshopForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [targetGroup, setTargetGroup] = useState('');
  const [measurementId, setMeasurementId] = useState('');
  const { run, pending: busy, error } = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      const created = await createWorkshop({
        title: title.trim(),
        targetGroup: targetGroup.trim(),
        measurementId: measurementId === '' ? null : measurementId,
      });
      void navigate(`/workshops/${created.id}`);
    });
  };

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="new-workshop-title">
      <h2 className="panel__title" id="new-workshop-title">
        {t('workshop.new.title')}
      </h2>
      <ErrorAlert error={error} />
      <TextField
        label={t('workshop.field.title')}
        {...bindText(title, setTitle)}
        required
        maxLength={200}
      />
      <TextField
        label={t('workshop.field.target')}
        hint={t('workshop.field.targetHint')}
        {...bindText(targetGroup, setTargetGroup)}
        required
        maxLength={500}
      />
      <MeasurementSelect
        label={t('workshop.field.measurement')}
        hint={t('workshop.field.measurementHint')}
        noneLabel={t('workshop.field.noMeasurement')}
        value={measurementId}
        onChange={setMeasurementId}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={busy}>
          {t('workshop.new.submit')}
        </Button>
      </div>
    </form>
  );
}
