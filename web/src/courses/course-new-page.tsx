/**
 * Starting a citizen's course: individual or family, the citizen with CPR number and
 * contact details, family members, target group, start date and the coordinator.
 */
import { COURSE_KINDS } from '../../../contract/courses.js';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { loadOrganisation } from '../org/org-api.js';
import { ErrorAlert } from '../ui/feedback.js';
import { ChoiceField, FieldSet, RadioChoices, TextField, bindText } from '../ui/field.js';
import { EMAIL } from '../ui/name-email-fields.js';
import { PageTitle } from '../ui/page-title.js';
import { ContactFields, TargetGroupField, type ContactDetails } from './contact-fields.js';
import { CoordinatorFields, type Coordinator } from './coordinator-fields.js';
import { cprProblem, errorIsAbout } from './course-form-help.js';
import { relationLabel, today } from './course-labels.js';
import {
  createCourse,
  RELATIONS,
  type CourseKind,
  type NewCourse,
  type FamilyRelation,
  type TargetGroup,
} from './courses-api.js';
import { Button } from '../ui/button.js';
import { SubmitButton } from '../ui/submit-button.js';
import { Breadcrumb } from '../ui/breadcrumb.js';

interface MemberRow {
  key: number;
  name: string;
  cpr: string;
  relation: FamilyRelation;
}

const MAX_NAME = 200;

export function CourseNewPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const org = useApi(() => loadOrganisation(false), 'org');
  const [kind, setKind] = useState<CourseKind>('individual');
  const [name, setName] = useState('');
  const [cpr, setCpr] = useState('');
  const [details, setDetails] = useState<ContactDetails>({
    phone: '',
    email: '',
    address: '',
    contact: 'telefon',
  });
  const { phone, email, address, contact } = details;
  const [members, setMembers] = useState<MemberRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [targetGroup, setTargetGroup] = useState<TargetGroup>('voksne');
  const [startDate, setStartDate] = useState(today());
  const [coordinator, setCoordinator] = useState<Coordinator>({
    personId: '',
    role: 'koordinerende-sagsbehandler',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, pending: busy, error } = useAction();

  const cprError = (value: string, optional: boolean): string | undefined => {
    if (optional && value.trim() === '') return undefined;
    if (value.trim() === '') return t('courses.cpr.missing');
    const problem = cprProblem(value);
    return problem ? t(`courses.cpr.${problem}`) : undefined;
  };

  const setMember = (key: number, change: Partial<MemberRow>) =>
    setMembers((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const addMemberRow = () => {
    setMembers((rows) => [...rows, { key: nextKey, name: '', cpr: '', relation: 'barn' }]);
    setNextKey((n) => n + 1);
  };

  const chooseKind = (next: CourseKind) => {
    setKind(next);
    if (next === 'family' && members.length === 0) addMemberRow();
    if (next === 'family' && targetGroup === 'voksne') setTargetGroup('familier');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('courses.citizen.name.missing');
    else if (name.trim().length > MAX_NAME) found.name = t('common.tooLong', { max: MAX_NAME });
    const cprIssue = cprError(cpr, false);
    if (cprIssue) found.cpr = cprIssue;
    if (email.trim() !== '' && !EMAIL.test(email.trim())) found.email = t('courses.email.invalid');
    if (startDate === '') found.startDate = t('courses.startDate.missing');
    if (coordinator.personId === '') found.coordinator = t('courses.coordinator.missing');
    const family = kind === 'family' ? members : [];
    if (kind === 'family' && family.length === 0) found.members = t('courses.members.none');
    family.forEach((m, i) => {
      if (m.name.trim() === '') found[`members.${i}.name`] = t('courses.citizen.name.missing');
      const issue = cprError(m.cpr, true);
      if (issue) found[`members.${i}.cpr`] = issue;
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Move the user to the first problem, so it is not missed on a long form.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const course: NewCourse = {
      kind,
      targetGroup,
      startDate,
      citizen: {
        name: name.trim(),
        cpr: cpr.trim(),
        preferredContact: contact,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(address.trim() ? { address: address.trim() } : {}),
      },
      coordinator,
      ...(kind === 'family'
        ? {
            members: family.map((m) => ({
              name: m.name.trim(),
              relation: m.relation,
              ...(m.cpr.trim() ? { cpr: m.cpr.trim() } : {}),
            })),
          }
        : {}),
    };
    await run(async () => {
      const created = await createCourse(course);
      void navigate(`/forloeb/${created.id}`);
    });
  };

  // A server error about one field is shown at that field too, not only at the top.
  const serverError = (field: string) =>
    errorIsAbout(error, field) && error ? pick(error.messages) : undefined;
  const fieldError = (key: string, serverField = key) => errors[key] ?? serverError(serverField);

  return (
    <div className="page page--narrow">
      <Breadcrumb to="/forloeb" label={t('courses.back')} />
      <PageTitle title={t('courses.new')}>{t('courses.new')}</PageTitle>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={error} />
        <FieldSet legend={t('courses.kind')}>
          <RadioChoices
            name="kind"
            value={kind}
            choices={COURSE_KINDS}
            label={(k) => t(`courses.kind.${k}`)}
            hint={(k) => t(`courses.kind.${k}.hint`)}
            onChange={chooseKind}
          />
        </FieldSet>

        <fieldset className="fieldset course-form__group">
          <legend className="course-form__legend">{t('courses.citizen')}</legend>
          <TextField
            label={t('courses.citizen.name')}
            required
            autoComplete="off"
            maxLength={MAX_NAME}
            {...bindText(name, setName, fieldError('name', 'citizen.name'))}
          />
          <TextField
            label={t('courses.citizen.cpr')}
            hint={t('courses.cpr.hint')}
            required
            autoComplete="off"
            inputMode="numeric"
            maxLength={11}
            {...bindText(cpr, setCpr, fieldError('cpr', 'citizen.cpr'))}
            onBlur={() => {
              // Check the format when the user leaves the field, not on every keystroke.
              const issue = cpr.trim() === '' ? undefined : cprError(cpr, false);
              setErrors((current) => {
                const rest = { ...current };
                delete rest.cpr;
                return issue ? { ...rest, cpr: issue } : rest;
              });
            }}
          />
          <ContactFields
            value={details}
            set={setDetails}
            errors={{
              phone: fieldError('phone', 'citizen.phone'),
              email: fieldError('email', 'citizen.email'),
            }}
          />
        </fieldset>

        {kind === 'family' && (
          <fieldset className="fieldset course-form__group">
            <legend className="course-form__legend">{t('courses.members')}</legend>
            <p className="field__hint">{t('courses.members.hint')}</p>
            {errors.members && (
              <p className="field__error" role="alert">
                {errors.members}
              </p>
            )}
            <ol className="member-rows">
              {members.map((m, i) => (
                <li key={m.key} className="member-row">
                  <TextField
                    label={t('courses.member.name', { n: i + 1 })}
                    required
                    autoComplete="off"
                    maxLength={MAX_NAME}
                    value={m.name}
                    error={fieldError(`members.${i}.name`)}
                    onChange={(e) => setMember(m.key, { name: e.target.value })}
                  />
                  <TextField
                    label={t('courses.member.cpr', { n: i + 1 })}
                    hint={t('courses.member.cpr.hint')}
                    autoComplete="off"
                    inputMode="numeric"
                    maxLength={11}
                    value={m.cpr}
                    error={fieldError(`members.${i}.cpr`)}
                    onChange={(e) => setMember(m.key, { cpr: e.target.value })}
                  />
                  <ChoiceField
                    label={t('courses.member.relation', { n: i + 1 })}
                    value={m.relation}
                    choices={RELATIONS}
                    choiceLabel={(r) => relationLabel(t, r)}
                    onChange={(v) => setMember(m.key, { relation: v })}
                  />
                  <Button
                    variant="quiet-danger"
                    small
                    onClick={() => setMembers((rows) => rows.filter((row) => row.key !== m.key))}
                  >
                    {t('courses.member.remove', { n: i + 1 })}
                  </Button>
                </li>
              ))}
            </ol>
            <Button onClick={addMemberRow}>{t('courses.member.add')}</Button>
          </fieldset>
        )}

        <fieldset className="fieldset course-form__group">
          <legend className="course-form__legend">{t('courses.course')}</legend>
          <TargetGroupField value={targetGroup} onChange={setTargetGroup} />
          <TextField
            label={t('courses.startDate')}
            type="date"
            required
            {...bindText(startDate, setStartDate, fieldError('startDate'))}
          />
          <CoordinatorFields
            org={org.data}
            value={coordinator}
            set={setCoordinator}
            error={fieldError('coordinator', 'coordinator.personId')}
          />
          <ErrorAlert error={org.error} />
        </fieldset>

        <div className="form-actions">
          <SubmitButton pending={busy}>{t('courses.create')}</SubmitButton>
          <Link className="button button--quiet" to="/forloeb">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
