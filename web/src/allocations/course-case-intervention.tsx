/**
 * A course's place in the intervention study, on the course page: its arm and allocation,
 * and its case leadership intervention (the two meetings with participants, the checklist
 * of small agreements and the agreements made).
 */
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { LoadStatus } from '../ui/feedback.js';
import { formatDateTime } from '../ui/format-date.js';
import { CHECKLIST_KEYS, INTERVENTION_TEMPLATE } from '../../../contract/interventions.js';
import { loadCourseCaseIntervention } from './allocations-api.js';

export function CourseCaseIntervention({ courseId }: { courseId: string }) {
  const { t, lang, locale } = useI18n();
  const data = useApi(() => loadCourseCaseIntervention(courseId), `case-intervention:${courseId}`);
  const c = data.data;
  const iv = c?.intervention ?? null;
  const label = (key: string) =>
    INTERVENTION_TEMPLATE.checklist.find((x) => x.key === key)?.[lang] ?? key;
  return (
    <section aria-labelledby="case-intervention-title">
      <h2 id="case-intervention-title">{t('caseIntervention.title')}</h2>
      <LoadStatus state={data} />
      {c && (
        <>
          <p>
            {c.allocation && c.arm
              ? t('caseIntervention.arm', { arm: t(`caseIntervention.arm.${c.arm}`) })
              : t('caseIntervention.notAllocated')}
          </p>
          {iv === null ? (
            c.arm !== 'kontrol' && (
              <p>{c.canPlan ? t('caseIntervention.canPlan') : t('caseIntervention.none')}</p>
            )
          ) : (
            <>
              <h3>{iv.title}</h3>
              {iv.meetings.map((m) => (
                <div key={m.number}>
                  <p>
                    {t('caseIntervention.meeting', {
                      number: m.number,
                      date: formatDateTime(m.startsAt, locale),
                      minutes: m.durationMinutes,
                      facilitator: m.facilitator,
                      colleague: m.colleague,
                    })}
                    {m.held ? ` (${t('caseIntervention.held')})` : ''}
                  </p>
                  <p>
                    {t('caseIntervention.participants')}:{' '}
                    {m.participants.length === 0
                      ? t('caseIntervention.noParticipants')
                      : m.participants.map((p) => p.name).join(', ')}
                  </p>
                </div>
              ))}
              <h3>{t('caseIntervention.checklist')}</h3>
              <ul>
                {CHECKLIST_KEYS.map((key) => (
                  <li key={key}>
                    {iv.checklist[key] ? '✓' : '○'} {label(key)}
                  </li>
                ))}
              </ul>
              {iv.agreements.length > 0 && (
                <>
                  <h3>{t('caseIntervention.agreements')}</h3>
                  <ul>
                    {iv.agreements.map((a) => (
                      <li key={a.id}>{a.text}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
