/**
 * The comparisons beside the analysis proper: myndighed against udfører, senders against
 * receivers (by respondent and by tie) and the leadership scatter. They need the unit
 * kinds and the measurement's flows, which the long CSV of ANALYSIS.md does not carry, so
 * they live here and not in `samspil analyze --json`.
 */
import type { Kysely } from 'kysely';
import { can } from '../../contract/permissions.js';
import type { AnalysisExtras, WaveExtras } from '../../contract/results.schema.js';
import {
  compareFlows,
  compareKinds,
  handOnView,
  leadershipScatter,
  type Flow,
  type RespondentPoint,
} from '../analysis/group-comparisons.js';
import type { AuthUser } from '../auth/auth.service.js';
import type { Database } from '../db/schema.js';
import { findMeasurement } from '../measurements/measurement.repository.js';
import {
  groupFlows,
  loadRespondentRows,
  unitKinds,
  type RespondentRow,
} from './analysis-extras.repository.js';
import { analyseMeasurement } from './results.service.js';

export type { AnalysisExtras, WaveExtras } from '../../contract/results.schema.js';

/** Respondent rows of closed measurements, keyed on when their answers last changed. */
const cache = new Map<string, RespondentRow[]>();
const CACHE_SIZE = 20;

async function respondentRows(
  db: Kysely<Database>,
  measurement: { id: string; status: string; answers_changed_at: Date },
): Promise<RespondentRow[]> {
  if (measurement.status !== 'closed') return loadRespondentRows(db, [measurement.id]);
  const key = `${measurement.id}@${measurement.answers_changed_at.toISOString()}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rows = await loadRespondentRows(db, [measurement.id]);
  cache.set(key, rows);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return rows;
}

/**
 * The extra comparisons of a measurement, for whoever may read its analysis (the same
 * checks, through {@link analyseMeasurement}). Leaders get the line and figures of the
 * scatter, never its points; the hand-on view uses the ties the user can see.
 */
export async function analysisExtras(
  db: Kysely<Database>,
  user: AuthUser,
  measurementId: string,
): Promise<AnalysisExtras> {
  const analysis = await analyseMeasurement(db, user, measurementId);
  const measurements = await Promise.all(
    analysis.waves.map((w) => findMeasurement(db, user.municipalityId, w.measurementId)),
  );
  const units = await unitKinds(db, user.municipalityId);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const kindOf = new Map(units.map((u) => [u.name, u.kind as string]));
  const flows = await groupFlows(
    db,
    analysis.waves.map((w) => w.measurementId),
  );
  const minGroup = analysis.result.minGroup;
  const waves: WaveExtras[] = [];
  for (const [i, w] of analysis.waves.entries()) {
    const measurement = measurements[i];
    const result = analysis.result.waves.find((r) => r.wave === w.wave);
    if (!measurement || !result) continue;
    const rows = await respondentRows(db, measurement);
    const points: RespondentPoint[] = rows.map((row) => ({
      unit: nameOf.get(row.unitId) ?? '',
      score: row.score,
      leadership: row.leadership,
    }));
    const flowOf = new Map<string, Flow>();
    for (const f of flows) {
      const name = nameOf.get(f.unit_id);
      if (f.measurement_id === w.measurementId && f.flow && name) flowOf.set(name, f.flow);
    }
    const withFlows = flowOf.size > 0;
    waves.push({
      wave: w.wave,
      measurementId: w.measurementId,
      // In a measurement grouped by profession the unit kinds cut across the groups (a
      // second partition of the same respondents), so no kind comparison is published.
      kinds: compareKinds(
        points,
        (unit) => (measurement.group_kind === 'profession' ? undefined : kindOf.get(unit)),
        minGroup,
      ),
      flows: withFlows ? compareFlows(points, (unit) => flowOf.get(unit), minGroup) : null,
      handOn: withFlows ? handOnView(result.ties, (unit) => flowOf.get(unit)) : null,
      // Points only when the wave can no longer change: a new point appearing right after
      // someone submits would tell an analyst watching the page that person's answers.
      leadership: leadershipScatter(
        points,
        minGroup,
        can(user.role, 'measurements.manage') && measurement.status === 'closed',
      ),
    });
  }
  return { measurementId, minGroup, waves };
}
