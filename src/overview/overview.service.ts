/**
 * The leader's overview (`/overblik`): on one page, the latest figures of the units a
 * user answers for, the weakest ties touching them, the asymmetries where their unit
 * rates a tie higher than the partner does, the open development points of workshops,
 * the interventions with their status, and the change since the last wave.
 *
 * Whose units: a leader's own unit (user → person → unit, as the analysis scopes
 * leaders). A director sees the same across every area: in this model that is an
 * analysis owner or admin, since a leader's login belongs to one unit. The figures come
 * from the results service, so the leader's scoping and the anonymity rules (suppressed
 * ties stay out) are exactly the analysis page's; every figure carries a link to it.
 */
import type { Kysely } from 'kysely';
import { can } from '../../contract/permissions.js';
import type { Overview, OverviewFigures } from '../../contract/overview.schema.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { ledUnitOf } from '../interventions/intervention.repository.js';
import { listVisibleInterventions } from '../interventions/intervention.service.js';
import { listGroups, listMeasurements } from '../measurements/measurement.repository.js';
import { analyseMeasurement } from '../results/results.service.js';
import { AppError } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { listOpenPoints } from '../workshops/workshop.repository.js';
import { onlyReadable } from '../workshops/workshop.service.js';

/** How many ties and asymmetries the overview lists. */
const TOP = 5;

const delta = (now: number | null | undefined, before: number | null | undefined) =>
  now === null || now === undefined || before === null || before === undefined
    ? null
    : now - before;

/** The overview of the user's units (a leader) or of all units (a director). */
export async function leaderOverview(db: Kysely<Database>, user: AuthUser): Promise<Overview> {
  let scope: { unitIds: string[]; unitNames: Set<string> } | undefined;
  requirePermission(user, 'analysis.read');
  if (!can(user.role, 'analysis.readAll')) {
    const led = await ledUnitOf(db, user.municipalityId, user.userId);
    if (!led) {
      throw new AppError(403, 'forbidden', {
        da: 'Din bruger er ikke knyttet til en enhed, du leder. Bed en administrator om at knytte den.',
        en: 'Your login is not linked to a unit you lead. Ask an administrator to link it.',
      });
    }
    scope = { unitIds: [led.unit_id], unitNames: new Set([led.unit_name]) };
  }

  // A case measurement (about one citizen's course) is not the unit's network's figure.
  const closed = (await listMeasurements(db, user.municipalityId))
    .filter((m) => m.status === 'closed' && m.course_id === null)
    .sort((a, b) => (b.closed_at?.getTime() ?? 0) - (a.closed_at?.getTime() ?? 0));
  let latest = closed[0];
  if (scope) {
    latest = undefined;
    for (const m of closed) {
      const groups = await listGroups(db, m.id);
      if (groups.some((g) => scope.unitIds.includes(g.id))) {
        latest = m;
        break;
      }
    }
  }

  const [points, interventions] = await Promise.all([
    listOpenPoints(
      db,
      user.municipalityId,
      scope ? { unitIds: scope.unitIds, userId: user.userId } : undefined,
    ).then((rows) => onlyReadable(db, user, rows)),
    listVisibleInterventions(db, user),
  ]);

  return {
    scope: scope ? ('leader' as const) : ('director' as const),
    units: scope ? [...scope.unitNames] : null,
    measurement: latest ? await figures(db, user, latest.id, scope?.unitNames) : null,
    developmentPoints: points.map((p) => ({
      id: p.id,
      text: p.text,
      owner: p.owner,
      dueOn: p.due_on,
      workshopId: p.workshop_id,
      workshopTitle: p.workshop_title,
    })),
    interventions: interventions
      .filter((i) => i.status !== 'cancelled')
      .map((i) => ({
        id: i.id,
        title: i.title,
        status: i.status,
        units: i.units.map((u) => u.name),
        nextMeeting: i.nextMeeting,
        followUpOn: i.followUpOn,
      })),
  };
}

/** The measured figures of one measurement's latest wave, for the units in scope (all without). */
async function figures(
  db: Kysely<Database>,
  user: AuthUser,
  measurementId: string,
  unitNames: Set<string> | undefined,
): Promise<OverviewFigures> {
  const analysis = await analyseMeasurement(db, user, measurementId);
  const waves = analysis.result.waves;
  const wave = waves.at(-1)!;
  const previous = waves.length > 1 ? waves.at(-2) : undefined;
  const mine = (unit: string) => unitNames === undefined || unitNames.has(unit);
  const link = `/maalinger/${measurementId}/analyse`;

  const units = wave.units
    .filter((u) => mine(u.unit))
    .map((u) => {
      const before = previous?.units.find((p) => p.unit === u.unit);
      return {
        unit: u.unit,
        outScore: u.outScore,
        outN: u.outN,
        inScore: u.inScore,
        inN: u.inN,
        suppressed: u.suppressed,
        outChange: delta(u.outScore, before?.outScore),
        inChange: delta(u.inScore, before?.inScore),
        link: `${link}#a-units`,
      };
    });

  const weakestTies = wave.ties
    .filter((t) => t.score !== null && !t.suppressed && (mine(t.from) || mine(t.to)))
    .sort((a, b) => a.score! - b.score!)
    .slice(0, TOP)
    .map((t) => {
      const before = previous?.ties.find((p) => p.from === t.from && p.to === t.to);
      return {
        from: t.from,
        to: t.to,
        score: t.score!,
        level: t.level,
        n: t.n,
        change: delta(t.score, before?.score),
        link: `${link}#a-map`,
      };
    });

  // Each pair oriented so the unit in scope (or, for a director, the higher side) is first.
  const asymmetries = wave.asymmetry
    .flatMap((a) => {
      const sides = [
        { unit: a.a, partner: a.b, unitRates: a.ab, partnerRates: a.ba },
        { unit: a.b, partner: a.a, unitRates: a.ba, partnerRates: a.ab },
      ];
      return sides.filter((s) => mine(s.unit) && s.unitRates > s.partnerRates);
    })
    .map((s) => ({ ...s, gap: s.unitRates - s.partnerRates, link: `${link}#a-asym` }))
    .sort((x, y) => y.gap - x.gap)
    .slice(0, TOP);

  return {
    id: measurementId,
    title: analysis.waves.at(-1)?.title ?? '',
    wave: wave.wave,
    previousWave: previous?.wave ?? null,
    link,
    network: {
      score: wave.network.score,
      change: delta(wave.network.score, previous?.network.score),
      link: `${link}#a-network`,
    },
    comparison: analysis.result.comparison
      ? {
          diff: analysis.result.comparison.diff,
          ci: analysis.result.comparison.ci,
          p: analysis.result.comparison.p,
          link: `${link}#a-waves`,
        }
      : null,
    units,
    weakestTies,
    asymmetries,
  };
}
