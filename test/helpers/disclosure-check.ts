/**
 * The attacker's arithmetic, for the differencing tests: every published whole minus its
 * published parts, and every pair of figures over nested respondent sets. A publication is
 * safe when none of these leaves 1 … minGroup − 1 respondents.
 */
import type { AnalysisResult, WaveResult } from '../../src/analysis/analyze.js';
import { RK_ITEMS, type Answer } from '../../src/analysis/answer.js';
import { unaccounted } from '../../src/analysis/disclosure.js';
import { seededRandom as random } from '../../src/demo/random.js';

const small = (n: number | null, minGroup: number) => n !== null && n > 0 && n < minGroup;

/** The problems of one wave on its own: small shown figures and small remainders of wholes. */
export function waveLeaks(wave: WaveResult, minGroup: number, label = ''): string[] {
  const problems: string[] = [];
  const check = (what: string, n: number | null) => {
    if (small(n, minGroup)) problems.push(`${label}${wave.wave}: ${what} isolates ${n}`);
  };
  for (const t of [...wave.ties, ...wave.selfTies]) check(`tie ${t.from}→${t.to}`, t.n);
  for (const u of wave.units) {
    check(`${u.unit} outN`, u.outN);
    check(`${u.unit} inN`, u.inN);
    if (u.outSuppressed !== (u.outScore === null && u.outN === null) && u.outN !== 0)
      problems.push(`${label}${wave.wave}: ${u.unit} out shown half`);
  }
  check('network n', wave.network.n);
  check('leaders n', wave.roles.leder.n);
  check('employees n', wave.roles.medarbejder.n);
  // Units partition the network's respondents.
  check(
    'network − units',
    unaccounted(
      wave.network.n,
      wave.units.map((u) => u.outN),
    ),
  );
  // Roles partition them again.
  check(
    'network − roles',
    unaccounted(wave.network.n, [wave.roles.leder.n, wave.roles.medarbejder.n]),
  );
  // The ties into a unit from the others partition its raters.
  for (const u of wave.units) {
    const into = wave.ties.filter((t) => t.to === u.unit && t.from !== u.unit).map((t) => t.n);
    check(`${u.unit} inN − ties into it`, unaccounted(u.inN, into));
  }
  // Response counts per group partition the finished.
  if (wave.responses) {
    check('finished total', wave.responses.finished);
    for (const g of wave.responses.groups) check(`${g.group} finished`, g.finished);
    check(
      'finished − groups',
      unaccounted(
        wave.responses.finished,
        wave.responses.groups.map((g) => g.finished),
      ),
    );
  }
  return problems;
}

/** The problems of a whole analysis (each wave). */
export function analysisLeaks(result: AnalysisResult, label = ''): string[] {
  return result.waves.flatMap((w) => waveLeaks(w, result.minGroup, label));
}

/**
 * The problems between the full analysis and its role views: each view figure against the
 * full figure it is part of (full − view), and the units of each view against its network.
 */
export function viewLeaks(full: AnalysisResult, views: AnalysisResult[]): string[] {
  const minGroup = full.minGroup;
  const problems: string[] = [];
  for (const [v, view] of views.entries()) {
    problems.push(...analysisLeaks(view, `view ${v} `));
    for (const wave of view.waves) {
      const whole = full.waves.find((w) => w.wave === wave.wave);
      if (!whole) continue;
      const pair = (what: string, outer: number | null, inner: number | null) => {
        // A figure shown only in the view, or a difference that leaves a small group.
        if (inner !== null && inner > 0 && outer === null)
          problems.push(`view ${v} ${wave.wave}: ${what} shown while the full one is hidden`);
        const rest = outer === null || inner === null ? null : outer - inner;
        if (small(rest, minGroup))
          problems.push(`view ${v} ${wave.wave}: full − view ${what} isolates ${rest}`);
      };
      pair('network', whole.network.n, wave.network.n);
      for (const t of [...wave.ties, ...wave.selfTies]) {
        const f = [...whole.ties, ...whole.selfTies].find(
          (x) => x.from === t.from && x.to === t.to,
        );
        pair(`tie ${t.from}→${t.to}`, f?.n ?? null, t.n);
      }
      for (const u of wave.units) {
        const f = whole.units.find((x) => x.unit === u.unit);
        pair(`${u.unit} outN`, f?.outN ?? null, u.outN);
        pair(`${u.unit} inN`, f?.inN ?? null, u.inN);
      }
    }
  }
  return problems;
}

const SIZES = [1, 2, 3, 3, 4, 4, 5, 6, 7, 9, 12, 15];

/**
 * A random measurement: 4–8 units of 1 to 15 respondents (units of 3 and 4 often), about a
 * quarter leaders, everyone rating every unit (some "ved ikke", some units skipped).
 */
export function randomMeasurement(seed: number, waves = ['1']): Answer[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const unitCount = 4 + Math.floor(next() * 5);
  const units = Array.from({ length: unitCount }, (_, i) => `U${i}`);
  const answers: Answer[] = [];
  for (const wave of waves) {
    for (const unit of units) {
      const size = pick(SIZES);
      const arm = unit === 'U0' ? 'intervention' : unit === 'U1' ? 'kontrol' : '';
      for (let i = 0; i < size; i++) {
        const respondent = `${wave}-${unit}-${i}`;
        const role = next() < 0.25 ? 'leder' : 'medarbejder';
        for (const target of units) {
          if (next() < 0.1) continue;
          for (const item of RK_ITEMS) {
            const value = next() < 0.05 ? 'dk' : 1 + Math.floor(next() * 5);
            answers.push({ respondent, unit, role, target, item, value, wave, arm, case: '' });
          }
        }
      }
    }
  }
  return answers;
}
