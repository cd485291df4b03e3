/**
 * The room's map beside the measured map of the same groups: the same bubbles, coloured
 * by the linked measurement's latest wave, and a list of the ties where the room and
 * the survey disagree. The figures come from the analysis (a leader sees the ties of
 * their own unit; suppressed ties stay grey).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useAction } from '../api/use-action.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorAlert, Loading } from '../ui/feedback.js';
import { RATING_COLOURS, WorkshopCanvas } from './workshop-canvas.js';
import { ratingKey } from './workshop-steps.js';
import { getComparison, type Comparison, type Workshop } from './workshops-api.js';
import { Button } from '../ui/button.js';
import { Section } from '../ui/section.js';

export function ComparePanel({
  workshop,
  roomColour,
}: {
  workshop: Workshop;
  roomColour: (from: string, to: string) => string | undefined;
}) {
  const { t, locale } = useI18n();
  const [comparison, setComparison] = useState<Comparison>();
  const [loadedAt, setLoadedAt] = useState(0);
  const { run, pending: busy, error } = useAction();

  const load = () =>
    run(async () => {
      setComparison(await getComparison(workshop.id));
      setLoadedAt(workshop.version);
    });
  const name = (id: string) => workshop.actors.find((a) => a.id === id)?.label ?? '';
  const surveyColour = (from: string, to: string) => {
    const tie = comparison?.ties.find((c) => c.fromActorId === from && c.toActorId === to);
    if (!tie?.survey) return undefined;
    const level = tie.survey.level;
    return level === 'high' || level === 'medium' || level === 'low'
      ? RATING_COLOURS[level]
      : RATING_COLOURS.grey;
  };
  const disagreements = comparison?.ties.filter((c) => c.agrees === false) ?? [];
  const levelKey = (level: string) =>
    level === 'high'
      ? 'workshop.rating.good'
      : level === 'medium'
        ? 'workshop.rating.middle'
        : level === 'low'
          ? 'workshop.rating.low'
          : 'workshop.compare.hidden';

  return (
    <Section id="ws-compare" title={t('workshop.compare.title')}>
      <p className="muted">{t('workshop.compare.lead')}</p>
      <Button onClick={() => void load()} pending={busy}>
        {comparison ? t('workshop.compare.refresh') : t('workshop.compare.show')}
      </Button>
      <ErrorAlert error={error} />
      {busy && <Loading />}
      {comparison && (
        <>
          {loadedAt !== workshop.version && <p className="muted">{t('workshop.compare.stale')}</p>}
          <div className="workshop-compare">
            <figure>
              <figcaption>{t('workshop.compare.room')}</figcaption>
              <WorkshopCanvas
                workshop={workshop}
                colourOf={roomColour}
                label={t('workshop.compare.room')}
                showPoints={false}
              />
            </figure>
            <figure>
              <figcaption>
                {t('workshop.compare.survey', { wave: comparison.wave ?? '–' })}{' '}
                <Link to={`/maalinger/${comparison.measurementId}/analyse`}>
                  {t('workshop.compare.analysis')}
                </Link>
              </figcaption>
              <WorkshopCanvas
                workshop={workshop}
                colourOf={surveyColour}
                label={t('workshop.compare.survey', { wave: comparison.wave ?? '–' })}
                showPoints={false}
              />
            </figure>
          </div>
          <h3>{t('workshop.compare.disagree')}</h3>
          {disagreements.length === 0 ? (
            <p>{t('workshop.compare.none')}</p>
          ) : (
            <ul>
              {disagreements.map((c) => (
                <li key={`${c.fromActorId}>${c.toActorId}`}>
                  {t('workshop.compare.item', {
                    from: name(c.fromActorId),
                    to: name(c.toActorId),
                    room: t(ratingKey(c.room!)),
                    survey: t(levelKey(c.survey!.level)),
                    score:
                      c.survey!.score?.toLocaleString(locale, { maximumFractionDigits: 2 }) ?? '–',
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}
