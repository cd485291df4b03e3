/** Plain values of the analysis routes (no zod). */

/** Why the benchmark's aggregate is not shown. */
export const BENCHMARK_WITHHELD = ['no_focal_kind', 'not_closed', 'no_consent', 'too_few'] as const;
/** Why the benchmark's aggregate is not shown. */
export type BenchmarkWithheld = (typeof BENCHMARK_WITHHELD)[number];

/** The largest coordinate of a unit on the network map, either way. */
export const MAP_EXTENT = 100_000;
