/**
 * Descriptive statistics and Student's t distribution.
 *
 * - Sample variance with the n − 1 denominator, computed in two passes for accuracy.
 * - Student's t: two-sided p = I_x(ν/2, 1/2) with x = ν/(ν + t²), the regularised incomplete
 *   beta function evaluated by its continued fraction (modified Lentz; Numerical Recipes
 *   §6.4) with ln Γ from the Lanczos approximation (g = 7, n = 9). The quantile inverts the
 *   CDF by bracketed Newton iteration. ν may be non-integer (Welch–Satterthwaite).
 *
 * jstat is not used here: its `studentt.inv` is only accurate to about 1e-8 (t₀.₉₇₅ with
 * ν = 10 gives 2.2281388425 against the table's 2.2281388520), and the published numbers
 * must agree with an independent implementation to 1e-6 after further arithmetic.
 */

/** Arithmetic mean, or `null` for no values. */
export function mean(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum / n;
}

/** Sample variance (n − 1 denominator), or `null` for fewer than two values. */
export function sampleVariance(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values)!;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Size, mean and sample variance of one group, the inputs of Welch's test and DiD. */
export interface GroupSummary {
  n: number;
  mean: number | null;
  variance: number | null;
}

/** Summarises a group of values as n, mean and sample variance. */
export function summarize(values: readonly number[]): GroupSummary {
  return { n: values.length, mean: mean(values), variance: sampleVariance(values) };
}

/**
 * The standard error of a sum or difference of independent group means, se = √Σ sᵢ²/nᵢ,
 * with its Welch–Satterthwaite degrees of freedom df = (Σ sᵢ²/nᵢ)² / Σ (sᵢ²/nᵢ)²/(nᵢ − 1).
 * `null` when a group has no variance (fewer than two values); df is `null` when se is 0.
 */
export function welchSatterthwaite(
  groups: readonly GroupSummary[],
): { se: number; df: number | null } | null {
  let sum = 0;
  let denominator = 0;
  for (const group of groups) {
    if (group.variance === null) return null;
    const term = group.variance / group.n;
    sum += term;
    denominator += (term * term) / (group.n - 1);
  }
  const se = Math.sqrt(sum);
  return { se, df: se > 0 && denominator > 0 ? (sum * sum) / denominator : null };
}

/** Standard deviation from a variance that may be missing. */
export function sdOf(variance: number | null): number | null {
  return variance === null ? null : Math.sqrt(variance);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, relative accuracy about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const CF_EPS = 1e-16;
const CF_TINY = 1e-300;
const CF_MAX_ITERATIONS = 200_000;

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < CF_TINY) d = CF_TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < CF_EPS) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b); `y` must equal 1 − x and is passed separately so
 * callers can supply it without cancellation.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

/** Two-sided p-value P(|T| ≥ |t|) of Student's t with `df` degrees of freedom (df > 0). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  if (Number.isNaN(t)) throw new RangeError('t is NaN');
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  const t2 = t * t;
  // x = ν/(ν + t²) and 1 − x = t²/(ν + t²), each computed directly.
  return regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** Cumulative distribution function P(T ≤ t) of Student's t. */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTTwoSidedP(t, df) / 2;
  return t < 0 ? tail : 1 - tail;
}

/** Density of Student's t. */
export function studentTPdf(t: number, df: number): number {
  const lnDensity =
    logGamma((df + 1) / 2) -
    logGamma(df / 2) -
    0.5 * Math.log(df * Math.PI) -
    ((df + 1) / 2) * Math.log1p((t * t) / df);
  return Math.exp(lnDensity);
}

/** Quantile of Student's t: the t with P(T ≤ t) = `probability`, for 0 < probability < 1. */
export function studentTQuantile(probability: number, df: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(`probability must be in (0, 1), got ${probability}`);
  }
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  if (probability === 0.5) return 0;
  const upper = probability > 0.5;
  // Solve twoSidedP(t) = target for t > 0; twoSidedP falls monotonically from 1 to 0.
  const target = upper ? 2 * (1 - probability) : 2 * probability;
  let lo = 0;
  let hi = 1;
  while (studentTTwoSidedP(hi, df) > target) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return upper ? Infinity : -Infinity;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const excess = studentTTwoSidedP(t, df) - target;
    if (excess === 0) break;
    if (excess > 0) lo = t;
    else hi = t;
    // d(twoSidedP)/dt = −2·pdf(t), so Newton's step is excess / (2·pdf).
    let next = t + excess / (2 * studentTPdf(t, df));
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * t) {
      t = next;
      break;
    }
    t = next;
  }
  return upper ? t : -t;
}

/** The two-sided 95 % critical value t₀.₉₇₅ for `df` degrees of freedom. */
export function tCritical95(df: number): number {
  return studentTQuantile(0.975, df);
}

/** The 95 % confidence interval and the two-sided p of an estimate with its se and df. */
export function tInference(
  estimate: number,
  se: number,
  df: number,
): { ci: [number, number]; p: number } {
  const half = tCritical95(df) * se;
  return { ci: [estimate - half, estimate + half], p: studentTTwoSidedP(estimate / se, df) };
}
