/**
 * The citizen side of a course, for the coordinator: the citizen's personal link (made
 * here, mailed to them only; staff never see it), their comments and wishes to the plan,
 * and the citizen scale (ask it; see the answers).
 */
import { useAction } from '../api/use-action.js';
import { useApi } from '../api/use-api.js';
import type { CourseTabProps } from '../courses/course-tab.js';
import { formatDateTime } from '../courses/course-labels.js';
import { useI18n } from '../i18n/i18n.js';
import { EmptyState, ErrorAlert, Loading, Notice } from '../ui/feedback.js';
import {
  createCitizenLink,
  loadCitizenActivity,
  requestCitizenScale,
  revokeCitizenLink,
} from './citizen-api.js';
import { CourseTab } from '../courses/course-tab.js';
import { Button } from '../ui/button.js';

export function CourseCitizen({ course }: CourseTabProps) {
  const { t, locale } = useI18n();
  const activity = useApi(() => loadCitizenActivity(course.id), `citizen-activity:${course.id}`);
  const { run, pending: busy, error, notice, setNotice } = useAction(activity.reload);
  const open = course.status === 'open';
  const data = activity.data;
  const names = new Map((course.members ?? []).map((m) => [m.id, m.name]));

  return (
    <CourseTab
      id="citizen-title"
      title={t('citizen.tab.title')}
      lead={t('citizen.tab.lead')}
      actions={
        <Button small onClick={() => void activity.reload()}>
          {t('courses.refresh')}
        </Button>
      }
    >
      <ErrorAlert error={activity.error ?? error} />
      {notice && <Notice onDismiss={() => setNotice(undefined)}>{notice}</Notice>}
      {open && (
        <div className="toolbar">
          <Button
            variant="primary"
            small
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const made = await createCitizenLink(course.id, { validDays: 30 });
                setNotice(t('citizen.tab.linkMade', { to: made.sentTo }));
              })
            }
          >
            {t('citizen.tab.makeLink')}
          </Button>
          <Button
            small
            disabled={busy}
            onClick={() =>
              void run(() => requestCitizenScale(course.id), t('citizen.tab.scaleAsked'))
            }
          >
            {t('citizen.tab.askScale')}
          </Button>
        </div>
      )}
      {activity.status === 'loading' && !data && <Loading />}
      {data && (
        <>
          <h3>{t('citizen.tab.messages')}</h3>
          {data.messages.length === 0 ? (
            <EmptyState title={t('citizen.tab.noMessages')} />
          ) : (
            <ul className="citizen-inbox">
              {[...data.messages].reverse().map((m) => (
                <li key={m.id}>
                  <p className="citizen-inbox__meta">
                    {m.kind === 'oenske' ? t('citizen.write.wish') : t('citizen.write.comment')} ·{' '}
                    {m.memberName} · {formatDateTime(m.createdAt, locale)}
                  </p>
                  <p className="free-text">{m.text}</p>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('citizen.tab.scale')}</h3>
          {data.scales.length === 0 ? (
            <p>{t('citizen.tab.noScale')}</p>
          ) : (
            <ul>
              {data.scales.map((s) => (
                <li key={s.id}>
                  {names.get(s.memberId)} · {formatDateTime(s.requestedAt, locale)}:{' '}
                  {s.answers
                    ? Object.entries(s.answers)
                        .map(([k, v]) => `${k} ${v === 'dk' ? t('survey.scale.dk') : v}`)
                        .join(', ')
                    : t('citizen.tab.notAnswered')}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('citizen.tab.links')}</h3>
          {data.links.length === 0 ? (
            <p>{t('citizen.tab.noLinks')}</p>
          ) : (
            <ul>
              {data.links.map((l) => (
                <li key={l.id}>
                  {names.get(l.memberId)} ·{' '}
                  {t('citizen.tab.expires', { date: formatDateTime(l.expiresAt, locale) })}
                  {l.locked && ` · ${t('citizen.tab.locked')}`}
                  {l.revoked && ` · ${t('citizen.tab.revoked')}`}
                  {!l.revoked && open && (
                    <>
                      {' '}
                      <Button
                        variant="quiet"
                        small
                        disabled={busy}
                        onClick={() => void run(() => revokeCitizenLink(course.id, l.id))}
                      >
                        {t('citizen.tab.revoke')}
                      </Button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </CourseTab>
  );
}
