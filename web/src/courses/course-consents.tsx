/**
 * The citizen's consents: purpose, the parties information may be shared with, the
 * members covered, how and when given, expiry; recording one, and withdrawing one (as
 * easy as giving it, and kept in the list and the history).
 */
import { useState } from 'react';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { FormDialog } from '../ui/dialog.js';
import { EmptyState, Notice, LoadStatus } from '../ui/feedback.js';
import {
  Checkbox,
  CheckList,
  ChoiceField,
  FieldSet,
  TextAreaField,
  TextField,
  toggled,
  bindText,
  textFields,
} from '../ui/field.js';
import { RowAction } from '../ui/row-action.js';
import { DataTable } from '../ui/table-frame.js';
import { consentFormLabel, formatDate, formatDateTime, today } from './course-labels.js';
import type { CourseDialogProps, CourseTabProps } from './course-tab.js';
import {
  CONSENT_FORMS,
  listConsents,
  recordConsent,
  withdrawConsent,
  type Consent,
  type ConsentForm,
} from './courses-api.js';
import { CourseTab } from './course-tab.js';
import { Button } from '../ui/button.js';

type ConsentState = 'valid' | 'withdrawn' | 'expired' | 'future';

/** Why a consent is or is not in force; the server's `valid` decides "valid". */
export function consentState(consent: Consent): ConsentState {
  if (consent.valid) return 'valid';
  if (consent.withdrawnAt) return 'withdrawn';
  if (consent.givenOn > today()) return 'future';
  return 'expired';
}

type Dialog = { kind: 'record' } | { kind: 'withdraw'; consent: Consent } | undefined;

export function CourseConsents({ course, reload }: CourseTabProps) {
  const { t, locale } = useI18n();
  const consents = useApi(() => listConsents(course.id), `consents:${course.id}`);
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string>();
  const list = consents.data?.consents ?? [];
  const partyName = (id: string) => course.network?.find((p) => p.id === id)?.name ?? '–';
  const memberName = (id: string) => course.members?.find((m) => m.id === id)?.name ?? '–';
  const editable = course.access === 'full' && course.status === 'open';

  return (
    <CourseTab
      id="consent-title"
      title={t('courses.consents')}
      lead={t('courses.consents.lead')}
      actions={
        editable && (
          <Button variant="primary" onClick={() => setDialog({ kind: 'record' })}>
            {t('courses.consent.record')}
          </Button>
        )
      }
    >
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          <p>{notice}</p>
        </Notice>
      )}
      <LoadStatus state={consents} />
      {consents.data && list.length === 0 && (
        <EmptyState title={t('courses.consents.empty')}>
          <p>{t('courses.consents.emptyHint')}</p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <DataTable
          label={t('courses.consents')}
          columns={[
            t('courses.consent.purpose'),
            t('courses.consent.parties'),
            t('courses.consent.members'),
            t('courses.consent.given'),
            t('courses.consent.expires'),
            t('courses.consent.state'),
          ]}
          actions={t('courses.actions')}
        >
          {list.map((c) => {
            const state = consentState(c);
            return (
              <tr key={c.id} className={state === 'valid' ? undefined : 'row--muted'}>
                <th scope="row" className="free-text">
                  {c.purpose}
                </th>
                <td>{c.partyIds.map(partyName).join(', ')}</td>
                <td>{c.memberIds.map(memberName).join(', ')}</td>
                <td>
                  <span className="table__nowrap">{formatDate(c.givenOn, locale)}</span>
                  {c.researchUse && (
                    <span className="table__sub">{t('courses.consent.researchUse.short')}</span>
                  )}
                  <span className="table__sub">
                    {consentFormLabel(t, c.form)}
                    {c.witness ? ` (${t('courses.consent.witness')}: ${c.witness})` : ''}
                  </span>
                </td>
                <td className="table__nowrap">{formatDate(c.expiresOn, locale)}</td>
                <td>
                  <span className={`badge badge--consent-${state}`}>
                    {t(`courses.consent.state.${state}`)}
                  </span>
                  {c.withdrawnAt && (
                    <span className="table__sub">
                      {formatDateTime(c.withdrawnAt, locale)}
                      {c.withdrawnBy ? `, ${c.withdrawnBy}` : ''}
                    </span>
                  )}
                  {c.withdrawReason && (
                    <span className="table__sub free-text">{c.withdrawReason}</span>
                  )}
                </td>
                <td className="table__actions">
                  {editable && !c.withdrawnAt && (
                    <RowAction
                      label={t('courses.consent.withdraw')}
                      target={c.purpose}
                      danger
                      onClick={() => setDialog({ kind: 'withdraw', consent: c })}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {dialog?.kind === 'record' && (
        <ConsentDialog
          course={course}
          onClose={() => setDialog(undefined)}
          onSaved={async () => {
            setNotice(t('courses.consent.recorded'));
            await Promise.all([consents.reload(), reload()]);
          }}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <WithdrawDialog
          consent={dialog.consent}
          onClose={() => setDialog(undefined)}
          onWithdraw={async (reason) => {
            await withdrawConsent(course.id, dialog.consent.id, reason);
            setNotice(t('courses.consent.withdrawn'));
            await Promise.all([consents.reload(), reload()]);
          }}
        />
      )}
    </CourseTab>
  );
}

function addYear(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y) + 1}-${m}-${d}`;
}

function ConsentDialog({ course, onClose, onSaved }: CourseDialogProps) {
  const { t } = useI18n();
  const parties = course.network ?? [];
  const members = course.members ?? [];
  const [partyIds, setPartyIds] = useState<Set<string>>(new Set());
  const [memberIds, setMemberIds] = useState<Set<string>>(
    () => new Set(members.length === 1 ? members.map((m) => m.id) : []),
  );
  const [texts, setTexts] = useState(() => ({
    purpose: '',
    givenOn: today(),
    witness: '',
    expiresOn: addYear(today()),
  }));
  const { purpose, givenOn, witness, expiresOn } = texts;
  const [form, setForm] = useState<ConsentForm>('underskrift');
  const [researchUse, setResearchUse] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const field = textFields(
    texts,
    (key, value) => setTexts((v) => ({ ...v, [key]: value })),
    errors,
  );

  const submit = async () => {
    const found: Record<string, string> = {};
    if (purpose.trim() === '') found.purpose = t('courses.consent.purpose.missing');
    if (partyIds.size === 0) found.parties = t('courses.consent.parties.missing');
    if (memberIds.size === 0) found.members = t('courses.consent.members.missing');
    if (givenOn === '') found.givenOn = t('courses.consent.given.missing');
    else if (givenOn > today()) found.givenOn = t('courses.consent.given.future');
    if (form === 'mundtlig-med-vidne' && witness.trim() === '')
      found.witness = t('courses.consent.witness.missing');
    if (expiresOn === '') found.expiresOn = t('courses.consent.expires.missing');
    else if (givenOn !== '' && expiresOn <= givenOn)
      found.expiresOn = t('courses.consent.expires.beforeGiven');
    else if (expiresOn < today()) found.expiresOn = t('courses.consent.expires.past');
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    await recordConsent(course.id, {
      purpose: purpose.trim(),
      partyIds: [...partyIds],
      memberIds: [...memberIds],
      givenOn,
      form,
      expiresOn,
      researchUse,
      ...(form === 'mundtlig-med-vidne' ? { witness: witness.trim() } : {}),
    });
    await onSaved();
  };

  return (
    <FormDialog
      title={t('courses.consent.record')}
      submitLabel={t('courses.consent.recordShort')}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextAreaField
        label={t('courses.consent.purpose')}
        hint={t('courses.consent.purpose.hint')}
        required
        rows={2}
        maxLength={2000}
        {...field('purpose')}
      />
      <FieldSet
        legend={t('courses.consent.parties')}
        hint={t('courses.consent.parties.hint')}
        error={errors.parties}
      >
        {parties.length === 0 && <p className="muted">{t('courses.network.empty')}</p>}
        <CheckList
          items={parties.map((p) => ({ id: p.id, label: p.name }))}
          chosen={partyIds}
          onToggle={(id, on) => setPartyIds((s) => toggled(s, id, on))}
        />
      </FieldSet>
      <FieldSet
        legend={t('courses.consent.members')}
        hint={t('courses.consent.members.hint')}
        error={errors.members}
      >
        <CheckList
          items={members.map((m) => ({ id: m.id, label: m.name }))}
          chosen={memberIds}
          onToggle={(id, on) => setMemberIds((s) => toggled(s, id, on))}
        />
      </FieldSet>
      <TextField label={t('courses.consent.given')} type="date" required {...field('givenOn')} />
      <ChoiceField
        label={t('courses.consent.form')}
        value={form}
        choices={CONSENT_FORMS}
        choiceLabel={(f) => consentFormLabel(t, f)}
        onChange={setForm}
      />
      {form === 'mundtlig-med-vidne' && (
        <TextField
          label={t('courses.consent.witness')}
          required
          maxLength={200}
          {...field('witness')}
        />
      )}
      <TextField
        label={t('courses.consent.expires')}
        type="date"
        required
        {...field('expiresOn')}
      />
      <Checkbox
        label={t('courses.consent.researchUse')}
        checked={researchUse}
        onChange={setResearchUse}
      />
    </FormDialog>
  );
}

function WithdrawDialog({
  consent,
  onClose,
  onWithdraw,
}: {
  consent: Consent;
  onClose: () => void;
  onWithdraw: (reason: string | undefined) => Promise<void>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('courses.consent.withdrawTitle')}
      submitLabel={t('courses.consent.withdraw')}
      danger
      onClose={onClose}
      onSubmit={() => onWithdraw(reason.trim() || undefined)}
    >
      <p className="free-text">
        <strong>{consent.purpose}</strong>
      </p>
      <p>{t('courses.consent.withdrawBody')}</p>
      <TextAreaField
        label={t('courses.consent.withdrawReason')}
        rows={2}
        maxLength={1000}
        {...bindText(reason, setReason)}
      />
    </FormDialog>
  );
}
