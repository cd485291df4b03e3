/**
 * A filtered view (leaders only, employees only) next to the full analysis, without
 * opening a subtraction attack (ANALYSIS.md, Anonymity): for every figure shown both in
 * the full analysis over respondents Y and in the view over X ⊂ Y, |Y \ X| must be 0 or
 * at least minGroup. Where it is not, the view's figure is withheld too.
 *
 * Only the map-level figures (ties, self-ties, units, network) come from the view; the
 * role comparison, reliability and regression are the full analysis's, and the wave
 * comparison and difference in differences are left out.
 */
import type { AnalysisResult, TieResult, UnitResult, WaveResult } from './analyze.js';
import { isSuppressed, leavesSmallRemainder } from './anonymity.js';
import { emptyProfile } from './relational-capacity.js';

const hiddenTie = (tie: TieResult): TieResult => ({
  ...tie,
  n: null,
  score: null,
  level: 'suppressed',
  dontKnowShare: null,
  suppressed: true,
  dimensions: emptyProfile(),
  weakestDimension: null,
});

function tieKey(tie: TieResult): string {
  return `${tie.from}\u0000${tie.to}`;
}

/** Withhold a view's tie when it, or the part of the full tie it leaves out, is too small. */
function guardTies(view: TieResult[], full: TieResult[], minGroup: number): TieResult[] {
  const fullN = new Map(full.map((t) => [tieKey(t), t.n ?? 0]));
  return view.map((tie) => {
    const n = tie.n ?? 0;
    const rest = (fullN.get(tieKey(tie)) ?? n) - n;
    return isSuppressed(n, minGroup) || leavesSmallRemainder(rest, minGroup) ? hiddenTie(tie) : tie;
  });
}

function guardUnits(view: UnitResult[], full: UnitResult[], minGroup: number): UnitResult[] {
  const byName = new Map(full.map((u) => [u.unit, u]));
  return view.map((unit) => {
    const whole = byName.get(unit.unit);
    const outHidden =
      unit.outSuppressed || leavesSmallRemainder((whole?.outN ?? 0) - (unit.outN ?? 0), minGroup);
    const inHidden =
      unit.inSuppressed || leavesSmallRemainder((whole?.inN ?? 0) - (unit.inN ?? 0), minGroup);
    return {
      ...unit,
      outScore: outHidden ? null : unit.outScore,
      outN: outHidden ? null : unit.outN,
      outDimensions: outHidden ? emptyProfile() : unit.outDimensions,
      outWeakestDimension: outHidden ? null : unit.outWeakestDimension,
      outSuppressed: outHidden,
      inScore: inHidden ? null : unit.inScore,
      inN: inHidden ? null : unit.inN,
      inDimensions: inHidden ? emptyProfile() : unit.inDimensions,
      inWeakestDimension: inHidden ? null : unit.inWeakestDimension,
      inSuppressed: inHidden,
      suppressed: outHidden || inHidden,
    };
  });
}

function guardWave(view: WaveResult, full: WaveResult, minGroup: number): WaveResult {
  const networkHidden =
    view.network.suppressed ||
    leavesSmallRemainder((full.network.n ?? 0) - (view.network.n ?? 0), minGroup);
  const ties = guardTies(view.ties, full.ties, minGroup);
  const shown = new Set(ties.filter((t) => !t.suppressed).map(tieKey));
  return {
    ...view,
    ties,
    selfTies: guardTies(view.selfTies, full.selfTies, minGroup),
    units: guardUnits(view.units, full.units, minGroup),
    network: networkHidden
      ? {
          score: null,
          n: null,
          weakestDimension: null,
          dimensions: emptyProfile(),
          suppressed: true,
        }
      : view.network,
    asymmetry: view.asymmetry.filter(
      (a) => shown.has(`${a.a}\u0000${a.b}`) && shown.has(`${a.b}\u0000${a.a}`),
    ),
    // Network-wide statistics are those of the full analysis, unchanged.
    roles: full.roles,
    reliability: full.reliability,
    leadership: full.leadership,
  };
}

/** The map-level part of a filtered analysis, guarded against subtraction from the full one. */
export function guardedView(view: AnalysisResult, full: AnalysisResult): AnalysisResult {
  const fullWaves = new Map(full.waves.map((w) => [w.wave, w]));
  return {
    ...view,
    waves: view.waves.flatMap((w) => {
      const whole = fullWaves.get(w.wave);
      return whole ? [guardWave(w, whole, view.minGroup)] : [];
    }),
    comparison: null,
    did: null,
  };
}
