/**
 * One role's view (leaders only, employees only) next to the full analysis, without
 * opening a subtraction attack (ANALYSIS.md, Anonymity).
 *
 * The two role views split every figure of the full analysis in two cells (a unit's
 * leaders and its employees), and each view's network is the total of its cells. So the
 * decisions are taken for both views at once, from the raw counts of both:
 *   - a unit's out figures (and the ties out of it), a tie, a unit's in figures and the
 *     network are hidden in both views when hidden in the full analysis, or when either
 *     view's count is 0 < n < minGroup (the other view is the full figure minus this one);
 *   - within each view whose network is shown, the units partition it: the disclosure step
 *     (src/analysis/disclosure.ts) hides the next-smallest unit in both views while the
 *     hidden units of a view hold 0 < n < minGroup respondents;
 *   - a unit's in figures are hidden when the hidden ties into it, in either view, hold
 *     0 < n < minGroup raters.
 * Hiding a cell in both views at once keeps the full figure from giving it back (full −
 * the other view). Only the map-level figures (ties, self-ties, units, network) come from
 * the view; the role comparison, reliability, regression and response table are the full
 * analysis's, and the wave comparison and difference in differences are left out.
 */
import {
  buildWave,
  decideWave,
  resolveOptions,
  type AnalysisOptions,
  type AnalysisResult,
  type WaveDecisions,
} from './analyze.js';
import { emptyMoments } from './cronbach.js';
import {
  partitionReasons,
  protectPartitions,
  smallReason,
  type SuppressedReason,
  type Whole,
} from './disclosure.js';
import { isSuppressed, leavesSmallRemainder } from './anonymity.js';
import { RK_ITEMS } from './answer.js';
import {
  compareCodeUnits,
  relationalCapacityFromSummary,
  type RelationalCapacityStats,
} from './relational-capacity.js';
import type { WaveSummary } from './wave-summary.js';
import { VIEW_ROLES, type ViewRole } from '../../contract/analysis.js';

export type { ViewRole } from '../../contract/analysis.js';
const ROLES: readonly ViewRole[] = VIEW_ROLES;
const key = (from: string, to: string) => `${from}\u0000${to}`;

const empty = (wave: string): WaveSummary => ({
  wave,
  ties: [],
  respondents: [],
  rkAlpha: emptyMoments(RK_ITEMS.length),
});

/** The reason in one view: `small` when its own count is small, else `complementary`. */
const inView = (hidden: boolean, n: number, minGroup: number): SuppressedReason | null =>
  !hidden ? null : isSuppressed(n, minGroup) ? 'small' : 'complementary';

/** The decisions of both role views of one wave, taken together. */
function decideViews(
  full: RelationalCapacityStats,
  fullDecisions: WaveDecisions,
  views: readonly RelationalCapacityStats[],
  minGroup: number,
): WaveDecisions[] {
  const units = full.units.map((u) => u.unit).sort(compareCodeUnits);
  const outN = views.map((v) => new Map(v.units.map((u) => [u.unit, u.outN])));
  const inN = views.map((v) => new Map(v.units.map((u) => [u.unit, u.inN])));
  const tieN = views.map(
    (v) => new Map([...v.ties, ...v.selfTies].map((t) => [key(t.from, t.to), t.n])),
  );
  const viewN = views.map((v) => v.respondents.length);

  // The view networks: hidden with the full network or the role groups (their totals).
  const roleReasons = partitionReasons(viewN, minGroup);
  const networkHidden = views.map(
    (_, i) => fullDecisions.network !== null || roleReasons[i] !== null,
  );

  // Units: the cells of both views, hidden together; each shown view network is a whole.
  const counts = units.map((u) => outN.map((m) => m.get(u) ?? 0));
  const initial = units.map((u, i) =>
    (fullDecisions.out.get(u) ?? null) !== null
      ? ('complementary' as const)
      : smallReason(counts[i]!, minGroup),
  );
  const wholes: Whole[] = views.flatMap((_, v) =>
    networkHidden[v] ? [] : [{ members: units.map((_, i) => i), measure: v }],
  );
  const outHidden = new Set(
    units.filter((_, i) => protectPartitions(counts, initial, wholes, minGroup)[i] !== null),
  );

  // Ties: hidden in both views with the full tie, the unit they leave, or a small cell.
  const tieKeys = [...full.ties, ...full.selfTies].map((t) => ({ from: t.from, to: t.to }));
  const tieHidden = new Set<string>();
  for (const { from, to } of tieKeys) {
    const k = key(from, to);
    if (
      (fullDecisions.ties.get(k) ?? null) !== null ||
      outHidden.has(from) ||
      tieN.some((m) => isSuppressed(m.get(k) ?? 0, minGroup))
    ) {
      tieHidden.add(k);
    }
  }

  // In figures: with the full one, a small cell, or hidden ties into it that add up small.
  const inHidden = new Set<string>();
  for (const unit of units) {
    const hiddenInto = tieN.map((m) => {
      let sum = 0;
      for (const { from, to } of tieKeys) {
        if (to === unit && from !== to && tieHidden.has(key(from, to)))
          sum += m.get(key(from, to)) ?? 0;
      }
      return sum;
    });
    if (
      (fullDecisions.in.get(unit) ?? null) !== null ||
      inN.some((m) => isSuppressed(m.get(unit) ?? 0, minGroup)) ||
      hiddenInto.some((n) => leavesSmallRemainder(n, minGroup))
    ) {
      inHidden.add(unit);
    }
  }

  return views.map((_, v) => ({
    out: new Map(units.map((u) => [u, inView(outHidden.has(u), outN[v]!.get(u) ?? 0, minGroup)])),
    in: new Map(units.map((u) => [u, inView(inHidden.has(u), inN[v]!.get(u) ?? 0, minGroup)])),
    ties: new Map(
      tieKeys.map(({ from, to }) => {
        const k = key(from, to);
        return [k, inView(tieHidden.has(k), tieN[v]!.get(k) ?? 0, minGroup)];
      }),
    ),
    network: inView(networkHidden[v]!, viewN[v]!, minGroup),
    responses: new Map(),
    responsesTotal: null,
  }));
}

/**
 * The map-level analysis of one role's respondents, decided together with the other
 * role's view and the full analysis so that no pair of them isolates a small group.
 * `byRole` holds each role's wave summaries (as `full`, but of that role only).
 */
export function analyzeRoleView(
  full: readonly WaveSummary[],
  byRole: Readonly<Record<ViewRole, readonly WaveSummary[]>>,
  role: ViewRole,
  options: Partial<AnalysisOptions> = {},
): AnalysisResult {
  const opts = resolveOptions(options);
  const viewOpts: AnalysisOptions = { ...opts, responses: undefined };
  const waves = full.flatMap((summary) => {
    const fullStats = relationalCapacityFromSummary(summary);
    const fullWave = buildWave(summary, fullStats, decideWave(summary, fullStats, opts), opts);
    const viewSummaries = ROLES.map(
      (r) => byRole[r].find((s) => s.wave === summary.wave) ?? empty(summary.wave),
    );
    const viewStats = viewSummaries.map(relationalCapacityFromSummary);
    const decisions = decideViews(
      fullStats,
      decideWave(summary, fullStats, opts),
      viewStats,
      opts.minGroup,
    );
    const v = ROLES.indexOf(role);
    // As in the full analysis, a wave without respondents (here: of this role) is left out.
    if (viewSummaries[v]!.respondents.length === 0) return [];
    const view = buildWave(viewSummaries[v]!, viewStats[v]!, decisions[v]!, viewOpts).result;
    return [
      {
        ...view,
        // Network-wide statistics are those of the full analysis, unchanged.
        roles: fullWave.result.roles,
        reliability: fullWave.result.reliability,
        leadership: fullWave.result.leadership,
        ...(fullWave.result.responses ? { responses: fullWave.result.responses } : {}),
      },
    ];
  });
  return {
    minGroup: opts.minGroup,
    thresholds: { high: opts.high, low: opts.low },
    waves,
    comparison: null,
    did: null,
  };
}
