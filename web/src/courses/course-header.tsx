/**
 * The top of every view of a course: who coordinates it and how to reach them, the
 * course's status, and (with full access) changing the coordinator, closing and deleting.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { loadOrganisation } from '../org/org-api.js';
import type { ClosingInput } from '../../../contract/progression.schema.js';
import { ClosingFields, closingOf, type ClosingChoice } from '../progression/closing-fields.js';
import { FormDialog } from '../ui/dialog.js';
import { Notice } from '../ui/feedback.js';
import { TextAreaField, bindText } from '../ui/field.js';
import { CoordinatorFields, type Coordinator } from './coordinator-fields.js';
import { toldLines } from './course-coordinators.js';
import { coordinatorRoleLabel, formatDate, targetGroupLabel } from './course-labels.js';
import type { CourseTabProps } from './course-tab.js';
import {
  changeLead,
  closeCourse,
  deleteCourse,
  updateCourse,
  type CoordinationChange,
  type CoordinatorRole,
} from './courses-api.js';
import { Button } from '../ui/button.js';

type Dialog = 'coordinator' | 'close' | 'delete' | undefined;

export function CourseHeader({ course, reload }: CourseTabProps) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string[]>();
  const c = course.coordinator;
  const full = course.access === 'full';

  return (
    <section className="course-header" aria-labelledby="course-coordinator">
      {notice && (
        <Notice onDismiss={() => setNotice(undefined)}>
          {notice.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Notice>
      )}
      <div className="coordinator-card">
        <h2 className="coordinator-card__title" id="course-coordinator">
          {coordinatorRoleLabel(t, c.role)}
        </h2>
        <p className="coordinator-card__name">{c.name}</p>
        <p className="coordinator-card__unit">{c.unitName}</p>
        <ul className="coordinator-card__contact">
          {c.phone && (
            <li>
              <span className="visually-hidden">{t('courses.phone')}: </span>
              <a href={`tel:${c.phone}`}>{c.phone}</a>
            </li>
          )}
          <li>
            <span className="visually-hidden">{t('courses.email')}: </span>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </li>
        </ul>
        {course.coCoordinators.length > 0 && (
          <ul className="coordinator-card__contact">
            {course.coCoordinators.map((other) => (
              <li key={other.personId}>
                {other.name} ({coordinatorRoleLabel(t, other.role)})
              </li>
            ))}
          </ul>
        )}
        {full && course.status === 'open' && (
          <Button variant="quiet" small onClick={() => setDialog('coordinator')}>
            {t('courses.coordinator.change')}
          </Button>
        )}
      </div>
      <dl className="facts course-header__facts">
        <div>
          <dt>{t('courses.col.status')}</dt>
          <dd>
            <span className={`badge badge--course-${course.status}`}>
              {t(`courses.courseStatus.${course.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('courses.col.target')}</dt>
          <dd>{targetGroupLabel(t, course.targetGroup)}</dd>
        </div>
        <div>
          <dt>{t('courses.startDate')}</dt>
          <dd>{formatDate(course.startDate, locale)}</dd>
        </div>
        {course.complexity && (
          <div>
            <dt>{t('courses.complexity')}</dt>
            <dd>
              {course.complexity.complex ? (
                <span className="badge badge--complex">{t('courses.complex')}</span>
              ) : (
                t('courses.notComplex')
              )}
            </dd>
          </div>
        )}
      </dl>
      {full && (
        <div className="course-header__actions">
          {course.status === 'open' ? (
            <Button small onClick={() => setDialog('close')}>
              {t('courses.close')}
            </Button>
          ) : (
            <Button variant="danger" small onClick={() => setDialog('delete')}>
              {t('courses.delete')}
            </Button>
          )}
        </div>
      )}
      {dialog === 'coordinator' && (
        <CoordinatorDialog
          courseId={course.id}
          personId={c.personId}
          role={c.role}
          onClose={() => setDialog(undefined)}
          onSaved={async (change) => {
            setNotice(
              change
                ? toldLines(t, t('courses.coordinator.changed'), change)
                : [t('courses.coordinator.changed')],
            );
            await reload();
          }}
        />
      )}
      {dialog === 'close' && (
        <CloseDialog
          onClose={() => setDialog(undefined)}
          onConfirm={async (closing) => {
            await closeCourse(course.id, closing ? { closing } : {});
            setNotice([t('courses.closed')]);
            await reload();
          }}
        />
      )}
      {dialog === 'delete' && (
        <DeleteDialog
          onClose={() => setDialog(undefined)}
          onDelete={async (reason) => {
            await deleteCourse(course.id, reason);
            void navigate('/forloeb');
          }}
        />
      )}
    </section>
  );
}

/** Closing a course also asks how it ended: optional, but asked here so it is not forgotten. */
function CloseDialog({
  onClose,
  onConfirm,
}: {
  onClose: () => void;
  onConfirm: (closing: ClosingInput | undefined) => Promise<void>;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<ClosingChoice>({ experience: '', status: '' });
  return (
    <FormDialog
      title={t('courses.close.title')}
      submitLabel={t('courses.close')}
      onClose={onClose}
      onSubmit={() => onConfirm(closingOf(choice))}
    >
      <div className="dialog__body">
        <p>{t('courses.close.body')}</p>
        <p>{t('trial.closing.help')}</p>
        <ClosingFields value={choice} onChange={setChoice} />
      </div>
    </FormDialog>
  );
}

function CoordinatorDialog({
  courseId,
  personId: initialPerson,
  role: initialRole,
  onClose,
  onSaved,
}: {
  courseId: string;
  personId: string;
  role: CoordinatorRole;
  onClose: () => void;
  /** After the save; with who was told when the lead went to someone else. */
  onSaved: (change: CoordinationChange | undefined) => Promise<void>;
}) {
  const { t } = useI18n();
  const org = useApi(() => loadOrganisation(false), 'org');
  const [coordinator, setCoordinator] = useState<Coordinator>({
    personId: initialPerson,
    role: initialRole,
  });
  const { personId, role } = coordinator;
  return (
    <FormDialog
      title={t('courses.coordinator.change')}
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={async () => {
        // Another person takes the lead through the coordinators' route, which says who was told.
        if (personId === initialPerson) {
          await updateCourse(courseId, { coordinator: { personId, role } });
          await onSaved(undefined);
        } else {
          await onSaved(await changeLead(courseId, { personId, role, keepPrevious: false }));
        }
      }}
    >
      <CoordinatorFields org={org.data} value={coordinator} set={setCoordinator} />
    </FormDialog>
  );
}

function DeleteDialog({
  onClose,
  onDelete,
}: {
  onClose: () => void;
  onDelete: (reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  return (
    <FormDialog
      title={t('courses.delete.title')}
      submitLabel={t('courses.delete')}
      danger
      onClose={onClose}
      onSubmit={async () => {
        if (reason.trim() === '') {
          setError(t('courses.reason.missing'));
          return false;
        }
        await onDelete(reason.trim());
      }}
    >
      <p>{t('courses.delete.body')}</p>
      <TextAreaField
        label={t('courses.reason')}
        required
        rows={3}
        maxLength={1000}
        {...bindText(reason, setReason, error)}
      />
    </FormDialog>
  );
}
