/**
 * The analysis of a measurement (and the wave before it, when linked), computed by
 * the pure core with the measurement's own minimum group size and thresholds.
 */
import type { Kysely } from 'kysely';
import { can } from '../../contract/permissions.js';
import type { ViewRole } from '../../contract/analysis.js';
import type { MeasurementAnalysis } from '../../contract/results.schema.js';
import {
  analyzeSummaries,
  type AnalysisResult,
  type GroupResponseCount,
} from '../analysis/analyze.js';
import { analyzeRoleView } from '../analysis/subset-view.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import type { Measurement } from '../db/tables/measurement.table.js';
import {
  findMeasurement,
  invitationCounts,
  measurementsIncludingUnit,
} from '../measurements/measurement.repository.js';
import { measurementNotFound, requireKind } from '../measurements/measurement-errors.js';
import { AppError } from '../kernel/errors.js';
import { requirePermission } from '../kernel/request-context.js';
import { groupFlows, unitKinds } from './analysis-extras.repository.js';
import { loadWaveSummaries } from './results.repository.js';

export type { MeasurementAnalysis } from '../../contract/results.schema.js';

/** The answer while a measurement is not closed: no figure comes from an open measurement. */
export const notClosedYet = () =>
  new AppError(409, 'measurement_open', {
    da: 'Resultaterne vises, når målingen er lukket. Indtil da kan kun svarprocenten følges.',
    en: 'The results are shown when the measurement has closed. Until then only the response rate can be followed.',
  });

/**
 * Analyse a closed measurement and, when it follows an earlier closed one, both waves in
 * order. Every figure goes through the disclosure step of the core with everything
 * published beside it (response counts, unit kinds, flows), so the analysis, its role
 * views, the exports and the response table take the same decisions. A leader reads only
 * measurements that include their unit.
 */
export async function analyseMeasurement(
  db: Kysely<Database>,
  user: AuthUser,
  measurementId: string,
  filter: { role?: ViewRole } = {},
): Promise<MeasurementAnalysis> {
  requirePermission(user, 'analysis.read');
  const leader = can(user.role, 'analysis.readAll') ? undefined : await ledUnit(db, user);
  const measurement = requireKind(
    await findMeasurement(db, user.municipalityId, measurementId),
    'network',
  );
  if (
    !measurement ||
    (leader && !(await includesUnit(db, user.municipalityId, measurementId, leader.id)))
  )
    throw measurementNotFound();
  if (measurement.status !== 'closed') throw notClosedYet();
  const previous = measurement.previous_measurement_id
    ? await findMeasurement(db, user.municipalityId, measurement.previous_measurement_id)
    : undefined;
  // An earlier wave that is still open contributes nothing either.
  const chain = previous?.status === 'closed' ? [previous, measurement] : [measurement];
  const context = await disclosureContext(db, user.municipalityId, chain);
  const result = await cached(chain, `${filter.role ?? ''}|${context.key}`, async () => {
    const ids = chain.map((m) => m.id);
    const options = {
      minGroup: measurement.min_group,
      high: measurement.threshold_high,
      low: measurement.threshold_low,
      unitGroups: context.unitGroups,
      responses: context.responses,
    };
    // The database sums the answers (loadWaveSummaries); the core finishes every figure.
    const full = await loadWaveSummaries(db, ids);
    if (!filter.role) return analyzeSummaries(full, options);
    // A role view is decided together with the other role's view and the full analysis.
    const [leder, medarbejder] = await Promise.all([
      loadWaveSummaries(db, ids, 'leder'),
      loadWaveSummaries(db, ids, 'medarbejder'),
    ]);
    return analyzeRoleView(full, { leder, medarbejder }, filter.role, options);
  });
  return {
    measurementId,
    status: measurement.status,
    focalProcess: measurement.focal_process,
    provisional: false,
    waves: chain.map((m) => ({ measurementId: m.id, wave: m.wave_label, title: m.title })),
    result: leader ? onlyTouching(result, new Set([leader.name])) : result,
  };
}

/**
 * What is published beside the analysis of each wave: the response counts per group and
 * the unit groupings the extra comparisons show (kinds; flows), keyed by wave label.
 */
async function disclosureContext(
  db: Kysely<Database>,
  municipalityId: string,
  chain: Measurement[],
): Promise<{
  unitGroups: Map<string, Map<string, string>[]>;
  responses: Map<string, GroupResponseCount[]>;
  key: string;
}> {
  const units = await unitKinds(db, municipalityId);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const kinds = new Map(
    units
      .filter((u) => u.kind === 'myndighed' || u.kind === 'udfører')
      .map((u) => [u.name, u.kind as string]),
  );
  const flows = await groupFlows(
    db,
    chain.map((m) => m.id),
  );
  const unitGroups = new Map<string, Map<string, string>[]>();
  const responses = new Map<string, GroupResponseCount[]>();
  for (const m of chain) {
    const flowOf = new Map<string, string>();
    for (const f of flows) {
      const name = nameOf.get(f.unit_id);
      if (f.measurement_id === m.id && f.flow && name) flowOf.set(name, f.flow);
    }
    // Profession measurements publish no kind comparison (it would cut across the groups).
    unitGroups.set(m.wave_label, m.group_kind === 'profession' ? [] : [kinds, flowOf]);
    responses.set(
      m.wave_label,
      (await invitationCounts(db, m.id)).map((c) => ({
        group: nameOf.get(c.group_id) ?? c.group_id,
        invited: Number(c.invited),
        finished: Number(c.finished),
      })),
    );
  }
  // Unit kinds and names can change after closing; the cached analysis must follow them.
  const key = JSON.stringify([...unitGroups].map(([w, g]) => [w, g.map((m) => [...m])]));
  return { unitGroups, responses, key };
}

/** Whether a measurement includes a unit: as one of its groups, or by someone invited from it. */
async function includesUnit(
  db: Kysely<Database>,
  municipalityId: string,
  measurementId: string,
  unitId: string,
): Promise<boolean> {
  return (await measurementsIncludingUnit(db, municipalityId, unitId)).has(measurementId);
}

/** Analyses of closed measurements, most recently used last. */
const cache = new Map<string, AnalysisResult>();
const CACHE_SIZE = 20;

/**
 * Closed measurements only get new answers by import, which (like closing) moves
 * `answers_changed_at`; keyed on it, a cached analysis is never stale, on any instance.
 */
async function cached(
  chain: Measurement[],
  view: string,
  compute: () => Promise<AnalysisResult>,
): Promise<AnalysisResult> {
  const key = [
    view,
    ...chain.map(
      (m) =>
        `${m.id}@${m.answers_changed_at.toISOString()}:${m.min_group}:${m.threshold_high}:${m.threshold_low}`,
    ),
  ].join('|');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = await compute();
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/** The unit a leader leads (today: the unit of their person record). */
export async function ledUnit(
  db: Kysely<Database>,
  user: AuthUser,
): Promise<{ id: string; name: string }> {
  const row = user.personId
    ? await db
        .selectFrom('person')
        .innerJoin('unit', 'unit.id', 'person.unit_id')
        .select(['unit.id', 'unit.name'])
        .where('person.id', '=', user.personId)
        .where('person.municipality_id', '=', user.municipalityId)
        .where('person.role', '=', 'leder')
        .executeTakeFirst()
    : undefined;
  if (!row) {
    throw new AppError(403, 'forbidden', {
      da: 'Din bruger er ikke knyttet til en enhed, du leder. Bed en administrator om at knytte den.',
      en: 'Your login is not linked to a unit you lead. Ask an administrator to link it.',
    });
  }
  return row;
}

/**
 * A leader's view: their units and the ties and asymmetries touching them. The
 * network-wide figures stay, unchanged; nothing is computed over a new subset, so the
 * view opens no new subtraction.
 */
function onlyTouching(result: AnalysisResult, units: Set<string>): AnalysisResult {
  const touches = (a: string, b: string) => units.has(a) || units.has(b);
  return {
    ...result,
    waves: result.waves.map((wave) => ({
      ...wave,
      ties: wave.ties.filter((t) => touches(t.from, t.to)),
      selfTies: wave.selfTies.filter((t) => units.has(t.from)),
      units: wave.units.filter((u) => units.has(u.unit)),
      asymmetry: wave.asymmetry.filter((a) => touches(a.a, a.b)),
      ...(wave.responses
        ? {
            responses: {
              ...wave.responses,
              groups: wave.responses.groups.filter((g) => units.has(g.group)),
            },
          }
        : {}),
    })),
  };
}
