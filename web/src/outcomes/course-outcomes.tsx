/**
 * A course's outcomes (docs/outcomes.md): complaints on decisions and their result,
 * handling time per decision, placements and education/employment status, each dated;
 * the course's owners record, edit and delete them (deleting asks first).
 */
import { useState } from 'react';
import {
  ACTIVITY_STATUSES,
  COMPLAINT_RESULTS,
  MAX_HANDLING_DAYS,
  OUTCOME_KINDS,
  PLACEMENT_TYPES,
  type ActivityStatus,
  type ComplaintResult,
  type OutcomeKind,
  type PlacementType,
} from '../../../contract/outcomes.js';
import { useApi } from '../api/use-api.js';
import { formatDate, today } from '../courses/course-labels.js';
import { CourseTab, type CourseTabProps } from '../courses/course-tab.js';
import { useI18n } from '../i18n/i18n.js';
import { Button } from '../ui/button.js';
import { ConfirmDialog, FormDialog } from '../ui/dialog.js';
import { EmptyState, LoadStatus, Notice } from '../ui/feedback.js';
import { bindText, ChoiceField, TextField } from '../ui/field.js';
import { RowAction } from '../ui/row-action.js';
import { DataTable } from '../ui/table-frame.js';
import {
  changeOutcome,
  deleteOutcome,
  loadCourseOutcomes,
  recordOutcome,
  type OutcomeEvent,
  type OutcomeInput,
} from './outcomes-api.js';

type Dialog =
  { kind: 'edit'; event: OutcomeEvent | null } | { kind: 'delete'; event: OutcomeEvent };

export function CourseOutcomes({ course }: CourseTabProps) {
  const { t, locale } = useI18n();
  const state = useApi(() => loadCourseOutcomes(course.id), `outcomes:${course.id}`);
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string>();
  const data = state.data;

  const detail = (e: OutcomeEvent) => {
    switch (e.kind) {
      case 'klage':
        return t(`outcomes.result.${e.result ?? 'verserer'}`);
      case 'sagsbehandling':
        return t('outcomes.daysValue', { days: e.days ?? 0 });
      case 'anbringelse':
        return `${t(`outcomes.placement.${e.placementType ?? 'andet'}`)}, ${formatDate(e.occurredOn, locale)} – ${
          e.endOn ? formatDate(e.endOn, locale) : t('outcomes.ongoing')
        }`;
      case 'status':
        return t(`outcomes.status.${e.status ?? 'andet'}`);
    }
  };

  return (
    <CourseTab
      id="outcomes-title"
      title={t('outcomes.title')}
      lead={t('outcomes.lead')}
      actions={
        data?.canEdit && (
          <Button variant="primary" onClick={() => setDialog({ kind: 'edit', event: null })}>
            {t('outcomes.add')}
          </Button>
        )
      }
    >
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          <p>{notice}</p>
        </Notice>
      )}
      <LoadStatus state={state} retry />
      {data && (
        <p>
          {t('outcomes.period', {
            start: formatDate(data.startDate, locale),
            end: data.endDate ? t('outcomes.ended', { end: formatDate(data.endDate, locale) }) : '',
          })}
        </p>
      )}
      {data && data.events.length === 0 && <EmptyState title={t('outcomes.empty')} />}
      {data && data.events.length > 0 && (
        <DataTable
          label={t('outcomes.title')}
          columns={[
            t('outcomes.date'),
            t('outcomes.kind'),
            t('outcomes.detail'),
            t('outcomes.recordedBy'),
          ]}
          actions={data.canEdit && t('courses.actions')}
        >
          {data.events.map((e) => (
            <tr key={e.id}>
              <td className="table__nowrap">{formatDate(e.occurredOn, locale)}</td>
              <th scope="row">{t(`outcomes.kind.${e.kind}`)}</th>
              <td>
                {detail(e)}
                {e.about && <span className="table__sub free-text">{e.about}</span>}
              </td>
              <td>{e.recordedBy}</td>
              {data.canEdit && (
                <td className="table__actions">
                  <RowAction
                    label={t('outcomes.edit')}
                    target={t(`outcomes.kind.${e.kind}`)}
                    onClick={() => setDialog({ kind: 'edit', event: e })}
                  />
                  <RowAction
                    label={t('outcomes.delete')}
                    target={t(`outcomes.kind.${e.kind}`)}
                    danger
                    onClick={() => setDialog({ kind: 'delete', event: e })}
                  />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {dialog?.kind === 'edit' && data && (
        <OutcomeDialog
          event={dialog.event}
          startDate={data.startDate}
          onClose={() => setDialog(undefined)}
          onSave={async (input) => {
            await (dialog.event
              ? changeOutcome(course.id, dialog.event.id, input)
              : recordOutcome(course.id, input));
            setNotice(t('outcomes.saved'));
            await state.reload();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('outcomes.deleteTitle')}
          confirmLabel={t('outcomes.delete')}
          danger
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await deleteOutcome(course.id, dialog.event.id);
            setNotice(t('outcomes.deleted'));
            await state.reload();
          }}
        >
          <p>
            <strong>
              {t(`outcomes.kind.${dialog.event.kind}`)},{' '}
              {formatDate(dialog.event.occurredOn, locale)}
            </strong>
          </p>
          <p>{t('outcomes.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </CourseTab>
  );
}

function OutcomeDialog({
  event,
  startDate,
  onClose,
  onSave,
}: {
  event: OutcomeEvent | null;
  startDate: string;
  onClose: () => void;
  onSave: (input: OutcomeInput) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<OutcomeKind>(event?.kind ?? 'klage');
  const [occurredOn, setOccurredOn] = useState(event?.occurredOn ?? today());
  const [endOn, setEndOn] = useState(event?.endOn ?? '');
  const [days, setDays] = useState(event?.days === null || !event ? '' : String(event.days));
  const [about, setAbout] = useState(event?.about ?? '');
  const [result, setResult] = useState<ComplaintResult>(event?.result ?? 'verserer');
  const [placementType, setPlacementType] = useState<PlacementType>(
    event?.placementType ?? 'plejefamilie',
  );
  const [status, setStatus] = useState<ActivityStatus>(event?.status ?? 'beskaeftigelse');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const found: Record<string, string> = {};
    if (occurredOn === '') found.occurredOn = t('outcomes.error.date');
    else if (occurredOn > today()) found.occurredOn = t('outcomes.error.future');
    else if (occurredOn < startDate)
      found.occurredOn = t('outcomes.error.beforeStart', { start: formatDate(startDate, locale) });
    const dayCount = Number(days);
    if (
      kind === 'sagsbehandling' &&
      (days.trim() === '' ||
        !Number.isInteger(dayCount) ||
        dayCount < 0 ||
        dayCount > MAX_HANDLING_DAYS)
    ) {
      found.days = t('outcomes.error.days');
    }
    if (kind === 'anbringelse' && endOn !== '') {
      if (endOn > today()) found.endOn = t('outcomes.error.future');
      else if (endOn < occurredOn) found.endOn = t('outcomes.error.endBeforeStart');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    const note = about.trim() ? { about: about.trim() } : {};
    const input: OutcomeInput =
      kind === 'klage'
        ? { kind, occurredOn, result, ...note }
        : kind === 'sagsbehandling'
          ? { kind, occurredOn, days: dayCount, ...note }
          : kind === 'anbringelse'
            ? { kind, occurredOn, placementType, endOn: endOn === '' ? null : endOn }
            : { kind, occurredOn, status };
    await onSave(input);
  };

  return (
    <FormDialog
      title={t(event ? 'outcomes.editTitle' : 'outcomes.formTitle')}
      submitLabel={t('outcomes.save')}
      onClose={onClose}
      onSubmit={submit}
    >
      <ChoiceField
        label={t('outcomes.kind')}
        value={kind}
        choices={OUTCOME_KINDS}
        choiceLabel={(k) => t(`outcomes.kind.${k}`)}
        onChange={setKind}
      />
      <TextField
        label={t(`outcomes.date.${kind}`)}
        type="date"
        required
        max={today()}
        {...bindText(occurredOn, setOccurredOn, errors.occurredOn)}
      />
      {kind === 'klage' && (
        <ChoiceField
          label={t('outcomes.result')}
          value={result}
          choices={COMPLAINT_RESULTS}
          choiceLabel={(r) => t(`outcomes.result.${r}`)}
          onChange={setResult}
        />
      )}
      {kind === 'sagsbehandling' && (
        <TextField
          label={t('outcomes.days')}
          hint={t('outcomes.days.hint')}
          inputMode="numeric"
          required
          {...bindText(days, setDays, errors.days)}
        />
      )}
      {kind === 'anbringelse' && (
        <>
          <ChoiceField
            label={t('outcomes.placementType')}
            value={placementType}
            choices={PLACEMENT_TYPES}
            choiceLabel={(p) => t(`outcomes.placement.${p}`)}
            onChange={setPlacementType}
          />
          <TextField
            label={t('outcomes.endOn')}
            type="date"
            {...bindText(endOn, setEndOn, errors.endOn)}
          />
        </>
      )}
      {kind === 'status' && (
        <ChoiceField
          label={t('outcomes.status')}
          value={status}
          choices={ACTIVITY_STATUSES}
          choiceLabel={(s) => t(`outcomes.status.${s}`)}
          onChange={setStatus}
        />
      )}
      {(kind === 'klage' || kind === 'sagsbehandling') && (
        <TextField
          label={t('outcomes.about')}
          hint={t('outcomes.about.hint')}
          maxLength={200}
          {...bindText(about, setAbout)}
        />
      )}
    </FormDialog>
  );
}
