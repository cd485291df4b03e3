/**
 * The leader's overview (`/overblik`): the latest figures of the leader's units (a
 * director: all units), the weakest ties and the asymmetries where the unit rates a tie
 * higher than its partner, change since the last wave, open development points and
 * interventions. Every figure links to the analysis behind it.
 */
import { Link } from 'react-router';
import type { Overview } from '../../../contract/overview.schema.js';
import { api } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../auth/session.js';
import { isUnlinkedLeader, UnlinkedLeaderNotice } from '../auth/unlinked-leader.js';
import { statusKey } from '../interventions/intervention-list-page.js';
import { EmptyState, LoadStatus } from '../ui/feedback.js';
import { formatDate } from '../ui/format-date.js';
import { PageTitle } from '../ui/page-title.js';
import { DataTable } from '../ui/table-frame.js';
import { Section } from '../ui/section.js';
import type { ReactNode } from 'react';

/** A list of the items, or a plain "none" when there are none. */
function ListOrNone<T>({
  items,
  ordered,
  children,
}: {
  items: T[];
  ordered: boolean;
  children: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted">{t('overview.none')}</p>;
  const List = ordered ? 'ol' : 'ul';
  return <List>{items.map(children)}</List>;
}

export function OverviewPage() {
  const { t, locale } = useI18n();
  const unlinked = isUnlinkedLeader(useSession().user);
  const overview = useApi(
    () => (unlinked ? Promise.resolve(null) : api.get<Overview>('/api/overview')),
    `overview-${unlinked}`,
  );
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
      {unlinked && <UnlinkedLeaderNotice />}
      <LoadStatus state={overview} />
      {o && !m && <EmptyState title={t('overview.noMeasurement')} />}
      {m && (
        <>
          <Section id="ov-figures" title={t('overview.figures', { title: m.title, wave: m.wave })}>
            <p>
              <Link to={m.network.link}>
                {t('overview.network', { score: num(m.network.score) })}
              </Link>
              {m.previousWave &&
                ` · ${t('overview.change', { wave: m.previousWave, change: change(m.network.change) })}`}
            </p>
            <DataTable
              label={t('overview.units')}
              columns={[
                t('overview.col.unit'),
                { label: t('overview.col.out'), className: 'table__num' },
                { label: t('overview.col.outChange'), className: 'table__num' },
                { label: t('overview.col.in'), className: 'table__num' },
                { label: t('overview.col.inChange'), className: 'table__num' },
              ]}
              visibleCaption
            >
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
            </DataTable>
          </Section>
          <Section id="ov-weak" title={t('overview.weakest')}>
            <ListOrNone items={m.weakestTies} ordered={true}>
              {(tie) => (
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
              )}
            </ListOrNone>
          </Section>
          <Section id="ov-asym" title={t('overview.asymmetries')}>
            <ListOrNone items={m.asymmetries} ordered={true}>
              {(a) => (
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
              )}
            </ListOrNone>
          </Section>
        </>
      )}
      {o && (
        <>
          <Section id="ov-points" title={t('overview.points')}>
            <ListOrNone items={o.developmentPoints} ordered={false}>
              {(p) => (
                <li key={p.id}>
                  {p.text} — {t('workshop.points.ownerIs', { owner: p.owner })}
                  {p.dueOn &&
                    ` · ${t('workshop.points.dueIs', { date: formatDate(p.dueOn, locale) })}`}{' '}
                  · <Link to={`/workshops/${p.workshopId}`}>{p.workshopTitle}</Link>
                </li>
              )}
            </ListOrNone>
          </Section>
          <Section id="ov-interventions" title={t('overview.interventions')}>
            <ListOrNone items={o.interventions} ordered={false}>
              {(i) => (
                <li key={i.id}>
                  <Link to={`/indsatser/${i.id}`}>{i.title}</Link> ({i.units.join(', ')}) ·{' '}
                  <span className="badge">{t(statusKey(i.status))}</span>
                  {i.followUpOn &&
                    ` · ${t('overview.followUp', { date: formatDate(i.followUpOn, locale) })}`}
                </li>
              )}
            </ListOrNone>
          </Section>
        </>
      )}
    </div>
  );
}
