/**
 * The analysis result (ANALYSIS.md "Output of `samspil analyze FILE.csv --json`") as zod
 * schemas: what the core returns and the API publishes. Suppressed values are `null`.
 */
import { z } from 'zod';
import { RK_ITEMS, SUPPRESSED_REASONS, TIE_LEVELS } from './analysis.js';

const num = z.number();
const numOrNull = z.number().nullable();
const reason = z.enum(SUPPRESSED_REASONS).nullable();
const dimension = z.enum(RK_ITEMS);

/** A dimension profile: the mean of each RK item, `null` where nothing is scored. */
export const dimensionProfileSchema = z.object({
  videndeling: numOrNull,
  kendskab: numOrNull,
  samarbejde: numOrNull,
  problemloesning: numOrNull,
  innovation: numOrNull,
  respekt: numOrNull,
});
/** A dimension profile. */
export type DimensionProfile = z.infer<typeof dimensionProfileSchema>;

/**
 * A comparison of two groups: the same fields wherever it appears (roles, waves, …).
 * `from` is group 1 and `to` group 2, so `diff` is `to` minus `from`.
 */
export const comparisonSchema = z.object({
  from: z.string(),
  to: z.string(),
  diff: numOrNull,
  se: numOrNull,
  df: numOrNull,
  ci: z.tuple([num, num]).nullable(),
  p: numOrNull,
  d: numOrNull,
  n1: numOrNull,
  n2: numOrNull,
  mean1: numOrNull,
  mean2: numOrNull,
  sd1: numOrNull,
  sd2: numOrNull,
  suppressed: z.boolean(),
});
/** A comparison of two groups (Welch). */
export type Comparison = z.infer<typeof comparisonSchema>;

/** One cell of the DiD design: mean, standard deviation and number of respondents. */
export const didCellSchema = z.object({ mean: numOrNull, sd: numOrNull, n: numOrNull });
/** One cell of the DiD design. */
export type DidCell = z.infer<typeof didCellSchema>;

const beforeAfter = z.object({ before: didCellSchema, after: didCellSchema });

/** The difference in differences with its uncertainty; `from`/`to` are the wave labels. */
export const didResultSchema = z.object({
  did: numOrNull,
  se: numOrNull,
  df: numOrNull,
  ci: z.tuple([num, num]).nullable(),
  p: numOrNull,
  from: z.string(),
  to: z.string(),
  cells: z.object({ intervention: beforeAfter, kontrol: beforeAfter }),
  suppressed: z.boolean(),
});
/** The difference in differences. */
export type DidResult = z.infer<typeof didResultSchema>;

/** One directed tie A→B (or a self-tie) as published. */
export const tieResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  n: numOrNull,
  score: numOrNull,
  level: z.enum(TIE_LEVELS),
  dontKnowShare: numOrNull,
  suppressed: z.boolean(),
  /** Why it is hidden: too few respondents, or so it cannot be worked out from others. */
  suppressedReason: reason,
  dimensions: dimensionProfileSchema,
  weakestDimension: dimension.nullable(),
});
/** One directed tie as published. */
export type TieResult = z.infer<typeof tieResultSchema>;

/** One unit as rater (out) and as rated (in), as published. */
export const unitResultSchema = z.object({
  unit: z.string(),
  outScore: numOrNull,
  outN: numOrNull,
  inScore: numOrNull,
  inN: numOrNull,
  suppressed: z.boolean(),
  outSuppressed: z.boolean(),
  inSuppressed: z.boolean(),
  outSuppressedReason: reason,
  inSuppressedReason: reason,
  outDimensions: dimensionProfileSchema,
  inDimensions: dimensionProfileSchema,
  outWeakestDimension: dimension.nullable(),
  inWeakestDimension: dimension.nullable(),
});
/** One unit as published. */
export type UnitResult = z.infer<typeof unitResultSchema>;

/** The network as a whole. */
export const networkResultSchema = z.object({
  score: numOrNull,
  n: numOrNull,
  weakestDimension: dimension.nullable(),
  dimensions: dimensionProfileSchema,
  suppressed: z.boolean(),
  suppressedReason: reason,
});
/** The network as a whole. */
export type NetworkResult = z.infer<typeof networkResultSchema>;

/** Mean R(r) of a group of respondents. */
export const groupResultSchema = z.object({
  mean: numOrNull,
  n: numOrNull,
  sd: numOrNull,
  suppressed: z.boolean(),
  suppressedReason: reason,
});
/** Mean R(r) of a group of respondents. */
export type GroupResult = z.infer<typeof groupResultSchema>;

/** Finished responses of one group, as published. */
export const groupResponsesSchema = z.object({
  group: z.string(),
  invited: num,
  finished: numOrNull,
  suppressed: z.boolean(),
  suppressedReason: reason,
});
/** Finished responses of one group. */
export type GroupResponses = z.infer<typeof groupResponsesSchema>;

/** The response table of a wave, decided together with the analysis. */
export const responsesResultSchema = groupResponsesSchema
  .omit({ group: true })
  .extend({ groups: z.array(groupResponsesSchema) });
/** The response table of a wave. */
export type ResponsesResult = z.infer<typeof responsesResultSchema>;

/** Cronbach's alpha of one scale in one wave. */
export const reliabilityResultSchema = z.object({
  alpha: numOrNull,
  rows: numOrNull,
  k: num,
  suppressed: z.boolean(),
});
/** Cronbach's alpha of one scale in one wave. */
export type ReliabilityResult = z.infer<typeof reliabilityResultSchema>;

/** The regression of R(r) on L(r) in one wave. */
export const leadershipResultSchema = z.object({
  slope: numOrNull,
  intercept: numOrNull,
  r: numOrNull,
  p: numOrNull,
  n: numOrNull,
  elasticity: numOrNull,
  suppressed: z.boolean(),
});
/** The regression of R(r) on L(r) in one wave. */
export type LeadershipResult = z.infer<typeof leadershipResultSchema>;

/** One unordered pair's asymmetry: `ab` = score(a→b), `ba` = score(b→a), gap = ab − ba. */
export const asymmetryEntrySchema = z.object({
  a: z.string(),
  b: z.string(),
  ab: num,
  ba: num,
  gap: num,
});
/** One unordered pair's asymmetry. */
export type AsymmetryEntry = z.infer<typeof asymmetryEntrySchema>;

/** Everything about one wave. */
export const waveResultSchema = z.object({
  wave: z.string(),
  ties: z.array(tieResultSchema),
  selfTies: z.array(tieResultSchema),
  units: z.array(unitResultSchema),
  network: networkResultSchema,
  asymmetry: z.array(asymmetryEntrySchema),
  roles: z.object({
    leder: groupResultSchema,
    medarbejder: groupResultSchema,
    comparison: comparisonSchema,
  }),
  reliability: z.object({
    rk: reliabilityResultSchema,
    ledelse: reliabilityResultSchema,
    borger: reliabilityResultSchema,
  }),
  leadership: leadershipResultSchema,
  /** The response table, when response counts were given (the API, not the CSV). */
  responses: responsesResultSchema.optional(),
});
/** Everything about one wave. */
export type WaveResult = z.infer<typeof waveResultSchema>;

/** The whole analysis: every wave, the first two compared, and DiD. */
export const analysisResultSchema = z.object({
  minGroup: num,
  thresholds: z.object({ high: num, low: num }),
  waves: z.array(waveResultSchema),
  comparison: comparisonSchema.nullable(),
  did: didResultSchema.nullable(),
});
/** The output of the analysis core. */
export type AnalysisResult = z.infer<typeof analysisResultSchema>;

// The comparisons beside the analysis proper (myndighed/udfører, flows, leadership).

/** Mean R(r) of one group, as the role groups are published. */
export const comparedGroupSchema = groupResultSchema.omit({ suppressedReason: true });
/** Mean R(r) of one compared group. */
export type ComparedGroup = z.infer<typeof comparedGroupSchema>;

/** Two groups of respondents and their Welch comparison. */
export const groupComparisonSchema = z.object({
  groups: z.record(z.string(), comparedGroupSchema),
  comparison: comparisonSchema,
});
/** Two groups of respondents and their Welch comparison. */
export type GroupComparison = z.infer<typeof groupComparisonSchema>;

/** A pair of ties between a sender unit and a receiver unit, both published. */
export const handOnPairSchema = z.object({
  sender: z.string(),
  receiver: z.string(),
  /** score(sender → receiver) */
  senderRates: num,
  /** score(receiver → sender) */
  receiverRates: num,
  /** senderRates − receiverRates */
  gap: num,
});
/** A pair of ties between a sender unit and a receiver unit. */
export type HandOnPair = z.infer<typeof handOnPairSchema>;

/** Sender→receiver ties against receiver→sender ties. */
export const handOnViewSchema = z.object({
  comparison: comparisonSchema,
  pairs: z.array(handOnPairSchema),
});
/** Sender→receiver ties against receiver→sender ties. */
export type HandOnView = z.infer<typeof handOnViewSchema>;

/** One point of the leadership scatter: L(r) and R(r), rounded to 0.1. */
export const scatterPointSchema = z.object({ leadership: num, score: num });
/** One point of the leadership scatter. */
export type ScatterPoint = z.infer<typeof scatterPointSchema>;

/** The regression of R(r) on L(r) with, where allowed, its rounded points. */
export const leadershipScatterSchema = leadershipResultSchema.extend({
  /** `null` when withheld (suppressed, or not asked for). */
  points: z.array(scatterPointSchema).nullable(),
});
/** The leadership regression with its points. */
export type LeadershipScatter = z.infer<typeof leadershipScatterSchema>;

/** What the benchmark compares: network score, dimension profile and share of low ties. */
export const networkFiguresSchema = z.object({
  score: numOrNull,
  dimensions: dimensionProfileSchema,
  lowShare: numOrNull,
});
/** Network-level figures of a measurement or an aggregate. */
export type NetworkFigures = z.infer<typeof networkFiguresSchema>;
