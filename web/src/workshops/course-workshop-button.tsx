/**
 * On a course page: start a dialogue workshop around the course's network. The workshop
 * carries the course's id, not the citizen's name; its parties are suggested as actors.
 */
import { useNavigate } from 'react-router';
import { useAction } from '../api/use-action.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorAlert } from '../ui/feedback.js';
import { createWorkshop } from './workshops-api.js';
import { Button } from '../ui/button.js';

export function CourseWorkshopButton({ courseId }: { courseId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { run, pending: busy, error } = useAction();

  const start = () =>
    run(async () => {
      const workshop = await createWorkshop({
        title: t('workshop.course.title'),
        targetGroup: t('workshop.course.targetGroup'),
        measurementId: null,
        courseId,
      });
      void navigate(`/workshops/${workshop.id}`);
    });

  return (
    <div className="page-header__actions">
      <Button onClick={() => void start()} pending={busy} pendingLabel={t('common.working')}>
        {t('workshop.course.start')}
      </Button>
      <ErrorAlert error={error} />
    </div>
  );
}
