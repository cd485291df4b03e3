/**
 * The course at a glance: the citizen (CPR masked), the family members, the complexity
 * flag and a picture of the network; with full access, editing details and adding members.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { FormDialog } from '../ui/dialog.js';
import { EmptyState, Notice } from '../ui/feedback.js';
import { ChoiceField, TextField, bindText } from '../ui/field.js';
import { EMAIL } from '../ui/name-email-fields.js';
import { DataTable } from '../ui/table-frame.js';
import { ContactFields, TargetGroupField, type ContactDetails } from './contact-fields.js';
import { cprProblem } from './course-form-help.js';
import { contactLabel, relationLabel } from './course-labels.js';
import type { CourseDialogProps, CourseTabProps } from './course-tab.js';
import {
  addMember,
  RELATIONS,
  updateCourse,
  type FamilyRelation,
  type TargetGroup,
} from './courses-api.js';
import { NetworkPicture } from './network-picture.js';
import { Button } from '../ui/button.js';
import { Section } from '../ui/section.js';

type Dialog = 'details' | 'member' | undefined;

export function CourseOverview({ course, reload }: CourseTabProps) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string>();
  const citizen = course.citizen;
  const members = course.members ?? [];
  const editable = course.access === 'full' && course.status === 'open';

  return (
    <div className="course-view">
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          <p>{notice}</p>
        </Notice>
      )}
      {citizen && (
        <Section id="ov-citizen" title={t('courses.citizen')}>
          <dl className="facts">
            <div>
              <dt>{t('courses.citizen.name')}</dt>
              <dd>{citizen.name}</dd>
            </div>
            <div>
              <dt>{t('courses.citizen.cpr')}</dt>
              <dd className="cpr">{citizen.cprMasked}</dd>
            </div>
            <div>
              <dt>{t('courses.citizen.phone')}</dt>
              <dd>{citizen.phone ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('courses.citizen.email')}</dt>
              <dd>{citizen.email ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('courses.citizen.address')}</dt>
              <dd>{citizen.address ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('courses.citizen.contact')}</dt>
              <dd>{contactLabel(t, citizen.preferredContact)}</dd>
            </div>
          </dl>
          {editable && (
            <Button small onClick={() => setDialog('details')}>
              {t('courses.details.edit')}
            </Button>
          )}
        </Section>
      )}

      <Section id="ov-members" title={t('courses.members')}>
        {members.length === 0 ? (
          <p className="muted">{t('courses.members.noneVisible')}</p>
        ) : (
          <DataTable
            label={t('courses.members')}
            columns={[t('courses.citizen.name'), t('courses.relation'), t('courses.citizen.cpr')]}
            compact
          >
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{relationLabel(t, m.relation)}</td>
                <td className="cpr">{m.cprMasked ?? '–'}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {editable && course.kind === 'family' && (
          <Button small onClick={() => setDialog('member')}>
            {t('courses.member.add')}
          </Button>
        )}
      </Section>

      {course.complexity && (
        <Section id="ov-complexity" title={t('courses.complexity')}>
          <p>
            {course.complexity.complex && (
              <>
                <span className="badge badge--complex">{t('courses.complex')}</span>{' '}
              </>
            )}
            {t('courses.complexity.counts', {
              units: course.complexity.units,
              authority: course.complexity.authorityFunctions,
            })}
          </p>
          <p className="muted">{t('courses.complexity.rule')}</p>
        </Section>
      )}

      {course.network && (
        <Section id="ov-network" title={t('courses.picture')}>
          {course.network.length === 0 ? (
            <EmptyState title={t('courses.network.empty')}>
              <p>{t('courses.network.emptyHint')}</p>
            </EmptyState>
          ) : (
            <NetworkPicture
              citizen={citizen?.name ?? course.citizenName ?? t('courses.citizen')}
              parties={course.network}
            />
          )}
        </Section>
      )}

      {dialog === 'details' && citizen && (
        <DetailsDialog
          course={course}
          onClose={() => setDialog(undefined)}
          onSaved={async () => {
            setNotice(t('courses.details.saved'));
            await reload();
          }}
        />
      )}
      {dialog === 'member' && (
        <MemberDialog
          courseId={course.id}
          onClose={() => setDialog(undefined)}
          onSaved={async (name) => {
            setNotice(t('courses.member.added', { name }));
            await reload();
          }}
        />
      )}
    </div>
  );
}

function DetailsDialog({ course, onClose, onSaved }: CourseDialogProps) {
  const { t } = useI18n();
  const citizen = course.citizen;
  const [name, setName] = useState(citizen?.name ?? '');
  const [details, setDetails] = useState<ContactDetails>({
    phone: citizen?.phone ?? '',
    email: citizen?.email ?? '',
    address: citizen?.address ?? '',
    contact: citizen?.preferredContact ?? 'telefon',
  });
  const { phone, email, address, contact } = details;
  const [targetGroup, setTargetGroup] = useState<TargetGroup>(course.targetGroup);
  const [startDate, setStartDate] = useState(course.startDate);
  const [errors, setErrors] = useState<Record<string, string>>({});

  return (
    <FormDialog
      title={t('courses.details.edit')}
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={async () => {
        const found: Record<string, string> = {};
        if (name.trim() === '') found.name = t('courses.citizen.name.missing');
        if (email.trim() !== '' && !EMAIL.test(email.trim()))
          found.email = t('courses.email.invalid');
        if (startDate === '') found.startDate = t('courses.startDate.missing');
        setErrors(found);
        if (Object.keys(found).length > 0) return false;
        await updateCourse(course.id, {
          targetGroup,
          startDate,
          citizen: {
            name: name.trim(),
            phone: phone.trim() || null,
            email: email.trim() || null,
            address: address.trim() || null,
            preferredContact: contact,
          },
        });
        await onSaved();
      }}
    >
      <TextField
        label={t('courses.citizen.name')}
        required
        maxLength={200}
        {...bindText(name, setName, errors.name)}
      />
      <ContactFields value={details} set={setDetails} errors={{ email: errors.email }} />
      <TargetGroupField value={targetGroup} onChange={setTargetGroup} />
      <TextField
        label={t('courses.startDate')}
        type="date"
        {...bindText(startDate, setStartDate, errors.startDate)}
      />
    </FormDialog>
  );
}

function MemberDialog({
  courseId,
  onClose,
  onSaved,
}: {
  courseId: string;
  onClose: () => void;
  onSaved: (name: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [cpr, setCpr] = useState('');
  const [relation, setRelation] = useState<FamilyRelation>('barn');
  const [errors, setErrors] = useState<Record<string, string>>({});

  return (
    <FormDialog
      title={t('courses.member.add')}
      submitLabel={t('courses.member.addShort')}
      onClose={onClose}
      onSubmit={async () => {
        const found: Record<string, string> = {};
        if (name.trim() === '') found.name = t('courses.citizen.name.missing');
        const problem = cpr.trim() === '' ? undefined : cprProblem(cpr);
        if (problem) found.cpr = t(`courses.cpr.${problem}`);
        setErrors(found);
        if (Object.keys(found).length > 0) return false;
        await addMember(courseId, {
          name: name.trim(),
          relation,
          ...(cpr.trim() ? { cpr: cpr.trim() } : {}),
        });
        await onSaved(name.trim());
      }}
    >
      <TextField
        label={t('courses.citizen.name')}
        required
        maxLength={200}
        {...bindText(name, setName, errors.name)}
      />
      <TextField
        label={t('courses.citizen.cpr')}
        hint={t('courses.member.cpr.hint')}
        inputMode="numeric"
        maxLength={11}
        {...bindText(cpr, setCpr, errors.cpr)}
      />
      <ChoiceField
        label={t('courses.relation')}
        value={relation}
        choices={RELATIONS}
        choiceLabel={(r) => relationLabel(t, r)}
        onChange={setRelation}
      />
    </FormDialog>
  );
}
