/**
 * The leader's overview (`/overblik`): the latest figures of the leader's units (a
 * director: all units), the weakest ties and the asymmetries where the unit rates a tie
 * higher than its partner, change since the last wave, open development points and
 * interventions. Every figure links to the analysis behind it.
 */
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { statusKey } from '../interventions/intervention-list-page.js';
import type { InterventionStatus } from '../interventions/interventions-api.js';
import { EmptyState, ErrorAlert, Loading } from '../ui/feedback.js';
import { PageTitle } from '../ui/page-title.js';
import { TableFrame } from '../ui/table-frame.js';

interface Overview {
  scope: 'leader' | 'director';
  units: string[] | null;
  measurement: {
    id: string;
    title: string;
    wave: string;
    previousWave: string | null;
    link: string;
    network: { score: number | null; change: number | null; link: string };
    units: {
      unit: string;
      outScore: number | null;
      inScore: number | null;
      outChange: number | null;
      inChange: number | null;
      link: string;
    }[];
    weakestTies: {
      from: string;
      to: string;
      score: number;
      level: string;
      change: number | null;
      link: string;
    }[];
    asymmetries: {
      unit: string;
      partner: string;
      unitRates: number;
      partnerRates: number;
      gap: number;
      link: string;
    }[];
  } | null;
  developmentPoints: {
    id: string;
    text: string;
    owner: string;
    dueOn: string | null;
    workshopId: string;
    workshopTitle: string;
  }[];
  interventions: {
    id: string;
    title: string;
    status: InterventionStatus;
    units: string[];
    nextMeeting: string | null;
    followUpOn: string | null;
  }[];
}

export function OverviewPage() {
  const { t, locale } = useI18n();
  const overview = useApi(() => api.get<Overview>('/api/overview'), 'overview');
  const num = (v: number | null) =>
    v === null
      ? '–'
      : v.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const change = (v: number | null) =>
    v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${num(Math.abs(v))}`;
  const o = overview.data;
  const m = o?.measurement;
  return (
    <div className="page">
      <PageTitle title={t('overview.title')}>{t('overview.title')}</PageTitle>
      {o && (
        <p className="lead">
          {o.scope === 'leader'
            ? t('overview.leadLeader', { units: (o.units ?? []).join(', ') })
            : t('overview.leadDirector')}
        </p>
      )}
      <ErrorAlert error={overview.error} />
      {overview.status === 'loading' && !o && <Loading />}
      {o && !m && <EmptyState title={t('overview.noMeasurement')} />}
      {m && (
        <>
          <section className="panel" aria-labelledby="ov-figures">
            <h2 className="panel__title" id="ov-figures">
              {t('overview.figures', { title: m.title, wave: m.wave })}
            </h2>
            <p>
              <Link to={m.network.link}>
                {t('overview.network', { score: num(m.network.score) })}
              </Link>
              {m.previousWave &&
                ` · ${t('overview.change', { wave: m.previousWave, change: change(m.network.change) })}`}
            </p>
            <TableFrame label={t('overview.units')}>
              <table className="table">
                <caption>{t('overview.units')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.col.unit')}</th>
                    <th scope="col" className="table__num">
                      {t('overview.col.out')}
                    </th>
                    <th scope="col" className="table__num">
                      {t('overview.col.outChange')}
                    </th>
                    <th scope="col" className="table__num">
                      {t('overview.col.in')}
                    </th>
                    <th scope="col" className="table__num">
                      {t('overview.col.inChange')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {m.units.map((u) => (
                    <tr key={u.unit}>
                      <th scope="row">
                        <Link to={u.link}>{u.unit}</Link>
                      </th>
                      <td className="table__num">{num(u.outScore)}</td>
                      <td className="table__num">{change(u.outChange)}</td>
                      <td className="table__num">{num(u.inScore)}</td>
                      <td className="table__num">{change(u.inChange)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          </section>
          <section className="panel" aria-labelledby="ov-weak">
            <h2 className="panel__title" id="ov-weak">
              {t('overview.weakest')}
            </h2>
            {m.weakestTies.length === 0 ? (
              <p className="muted">{t('overview.none')}</p>
            ) : (
              <ol>
                {m.weakestTies.map((tie) => (
                  <li key={`${tie.from}>${tie.to}`}>
                    <Link to={tie.link}>
                      {t('overview.tie', { from: tie.from, to: tie.to, score: num(tie.score) })}
                    </Link>{' '}
                    <span className={`level level--${tie.level}`}>
                      {t(
                        `overview.level.${tie.level === 'high' ? 'high' : tie.level === 'low' ? 'low' : 'medium'}`,
                      )}
                    </span>
                    {tie.change !== null && ` · ${change(tie.change)}`}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="panel" aria-labelledby="ov-asym">
            <h2 className="panel__title" id="ov-asym">
              {t('overview.asymmetries')}
            </h2>
            {m.asymmetries.length === 0 ? (
              <p className="muted">{t('overview.none')}</p>
            ) : (
              <ol>
                {m.asymmetries.map((a) => (
                  <li key={`${a.unit}>${a.partner}`}>
                    <Link to={a.link}>
                      {t('overview.asymmetry', {
                        unit: a.unit,
                        partner: a.partner,
                        mine: num(a.unitRates),
                        theirs: num(a.partnerRates),
                        gap: num(a.gap),
                      })}
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
      {o && (
        <>
          <section className="panel" aria-labelledby="ov-points">
            <h2 className="panel__title" id="ov-points">
              {t('overview.points')}
            </h2>
            {o.developmentPoints.length === 0 ? (
              <p className="muted">{t('overview.none')}</p>
            ) : (
              <ul>
                {o.developmentPoints.map((p) => (
                  <li key={p.id}>
                    {p.text} — {t('workshop.points.ownerIs', { owner: p.owner })}
                    {p.dueOn && ` · ${t('workshop.points.dueIs', { date: p.dueOn })}`} ·{' '}
                    <Link to={`/workshops/${p.workshopId}`}>{p.workshopTitle}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="ov-interventions">
            <h2 className="panel__title" id="ov-interventions">
              {t('overview.interventions')}
            </h2>
            {o.interventions.length === 0 ? (
              <p className="muted">{t('overview.none')}</p>
            ) : (
              <ul>
                {o.interventions.map((i) => (
                  <li key={i.id}>
                    <Link to={`/indsatser/${i.id}`}>{i.title}</Link> ({i.units.join(', ')}) ·{' '}
                    <span className="badge">{t(statusKey(i.status))}</span>
                    {i.followUpOn && ` · ${t('overview.followUp', { date: i.followUpOn })}`}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
