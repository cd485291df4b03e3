/**
 * Workshop mode for a meeting room (DOMAIN.md §3): identify the actors, rate each tie
 * from each actor's place, agree development points. The facilitator edits; everyone
 * else with the page open follows live. Every change is saved at once.
 */
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { can } from '../../../contract/permissions.js';
import { asApiError, type ApiError } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { ErrorAlert, Loading } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { RATING_COLOURS, WorkshopCanvas, downloadPng } from './workshop-canvas.js';
import { ComparePanel } from './workshop-compare.js';
import {
  ActorList,
  Differences,
  nextPosition,
  PointsPanel,
  RatingPanel,
  RatingsMatrix,
} from './workshop-steps.js';
import { useWorkshop } from './use-workshop.js';
import * as wsApi from './workshops-api.js';
import { Button } from '../ui/button.js';
import { Breadcrumb } from '../ui/breadcrumb.js';

const STEPS: { step: number; key: MessageKey }[] = [
  { step: 1, key: 'workshop.step.1' },
  { step: 2, key: 'workshop.step.2' },
  { step: 3, key: 'workshop.step.3' },
];

export function WorkshopPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { workshop, setWorkshop, error, setError, live } = useWorkshop(id);
  const canvas = useRef<SVGSVGElement>(null);
  const [pngError, setPngError] = useState<ApiError>();

  if (!workshop) {
    return (
      <div className="page">
        <ErrorAlert error={error} />
        {!error && <Loading />}
      </div>
    );
  }

  const editable = workshop.youFacilitate;
  /** Run one change; the answer is the new state. False when it was refused. */
  const run = async (call: () => Promise<wsApi.Workshop>): Promise<boolean> => {
    try {
      setWorkshop(await call());
      setError(undefined);
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    }
  };
  const roomColour = (from: string, to: string) => {
    const r = workshop.ratings.find((x) => x.fromActorId === from && x.toActorId === to);
    return r ? RATING_COLOURS[r.rating] : undefined;
  };
  const move = (actorId: string, x: number, y: number) =>
    void run(() => wsApi.moveActor(id, actorId, { x, y }));

  return (
    <div className="page workshop">
      <Breadcrumb to="/workshops" label={t('workshop.list.title')} />
      <div className="page-header">
        <div>
          <PageTitle title={workshop.title}>{workshop.title}</PageTitle>
          <p className="lead">{t('workshop.target', { target: workshop.targetGroup })}</p>
        </div>
        <div className="page-header__actions">
          <a className="button button--secondary" href={wsApi.pdfUrl(id, lang)} download>
            {t('workshop.export.pdf')}
          </a>
          <Button
            onClick={() => {
              if (canvas.current)
                downloadPng(canvas.current, `workshop-${id}.png`).catch((e: unknown) =>
                  setPngError(asApiError(e)),
                );
            }}
          >
            {t('workshop.export.png')}
          </Button>
        </div>
      </div>

      <div className="workshop-status" role="status">
        <span className={live ? 'workshop-live workshop-live--on' : 'workshop-live'}>
          {live ? t('workshop.live.on') : t('workshop.live.off')}
        </span>{' '}
        {workshop.youFacilitate
          ? t('workshop.facilitator.you')
          : workshop.facilitator
            ? t('workshop.facilitator.other', { name: workshop.facilitator.name })
            : t('workshop.facilitator.none')}{' '}
        {workshop.mayFacilitate && !workshop.youFacilitate && (
          <Button variant="primary" small onClick={() => void run(() => wsApi.facilitate(id))}>
            {t('workshop.facilitator.take')}
          </Button>
        )}
        {workshop.youFacilitate && (
          <Button variant="quiet" small onClick={() => void run(() => wsApi.release(id))}>
            {t('workshop.facilitator.release')}
          </Button>
        )}
      </div>
      <ErrorAlert error={error ?? pngError} />

      <nav aria-label={t('workshop.step.nav')}>
        <ol className="workshop-steps">
          {STEPS.map((s) => (
            <li key={s.step}>
              <button
                type="button"
                className={
                  workshop.step === s.step
                    ? 'workshop-steps__step workshop-steps__step--current'
                    : 'workshop-steps__step'
                }
                aria-current={workshop.step === s.step ? 'step' : undefined}
                disabled={!editable}
                onClick={() => void run(() => wsApi.setStep(id, s.step))}
              >
                {t(s.key)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <div className="workshop-layout">
        <div className="workshop-layout__canvas">
          <WorkshopCanvas
            ref={canvas}
            workshop={workshop}
            colourOf={roomColour}
            label={t('workshop.canvas.label')}
            {...(editable ? { onMove: move } : {})}
          />
          <p className="muted">
            {editable ? t('workshop.canvas.hintEdit') : t('workshop.canvas.hintFollow')}
          </p>
          <Legend />
        </div>
        <div className="workshop-layout__side">
          {workshop.step === 1 && (
            <ActorList
              workshop={workshop}
              editable={editable}
              onAdd={(actor) =>
                run(() => wsApi.addActor(id, { ...actor, ...nextPosition(workshop.actors.length) }))
              }
              onMove={(a, x, y) => move(a.id, x, y)}
              onRemove={(a) => void run(() => wsApi.removeActor(id, a.id))}
            />
          )}
          {workshop.step === 2 && (
            <RatingPanel
              workshop={workshop}
              editable={editable}
              onCurrent={(actorId) => void run(() => wsApi.setCurrentActor(id, actorId))}
              onRate={(from, to, rating) =>
                void run(() => wsApi.rateTie(id, { fromActorId: from, toActorId: to, rating }))
              }
            />
          )}
          {workshop.step >= 2 && <Differences workshop={workshop} />}
          {workshop.step === 3 && (
            <PointsPanel
              workshop={workshop}
              editable={editable}
              onAdd={(point) => run(() => wsApi.addPoint(id, point))}
              onDone={(pointId, done) => void run(() => wsApi.updatePoint(id, pointId, { done }))}
              onRemove={(pointId) => void run(() => wsApi.removePoint(id, pointId))}
            />
          )}
        </div>
      </div>
      {workshop.step >= 2 && <RatingsMatrix workshop={workshop} />}
      {workshop.measurementId && user && can(user.role, 'analysis.read') && (
        <ComparePanel workshop={workshop} roomColour={roomColour} />
      )}
    </div>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t('workshop.legend')}>
      {(['good', 'middle', 'low'] as const).map((r) => (
        <li key={r}>
          <span
            className="legend__swatch"
            style={{ borderTopColor: RATING_COLOURS[r], borderTopWidth: 8 }}
            aria-hidden="true"
          />
          {t(`workshop.rating.${r}`)}
        </li>
      ))}
    </ul>
  );
}
