/**
 * Requests and responses of a measurement's analysis: the analysis itself, the extra
 * comparisons, the benchmark across municipalities and the network map's layout.
 */
import { z } from 'zod';
import { VIEW_ROLES } from './analysis.js';
import {
  analysisResultSchema,
  groupComparisonSchema,
  handOnViewSchema,
  leadershipScatterSchema,
  networkFiguresSchema,
} from './analysis.schema.js';
import { FOCAL_KINDS, MEASUREMENT_STATUSES } from './measurements.js';
import { BENCHMARK_WITHHELD, MAP_EXTENT } from './results.js';

/** `?role=`: the map figures of one role, guarded against subtraction. */
export const analysisQuery = z.object({ role: z.enum(VIEW_ROLES).optional() });

/** `GET /api/measurements/:id/analysis`. */
export const measurementAnalysisSchema = z.object({
  measurementId: z.string(),
  status: z.enum(MEASUREMENT_STATUSES),
  focalProcess: z.string(),
  /** Always false: only closed measurements are analysed (kept for the page and the PDF). */
  provisional: z.boolean(),
  waves: z.array(z.object({ measurementId: z.string(), wave: z.string(), title: z.string() })),
  result: analysisResultSchema,
});
/** The analysis of a measurement and the wave before it. */
export type MeasurementAnalysis = z.infer<typeof measurementAnalysisSchema>;

/** The extra comparisons of one wave. */
export const waveExtrasSchema = z.object({
  wave: z.string(),
  measurementId: z.string(),
  /** Myndighed (from) against udfører (to). */
  kinds: groupComparisonSchema,
  /** Senders against receivers, or `null` when the measurement marks no flows. */
  flows: groupComparisonSchema.nullable(),
  /** Sender→receiver ties against receiver→sender ties, or `null` without flows. */
  handOn: handOnViewSchema.nullable(),
  /** R(r) on L(r); points only for analysis owners and closed waves. */
  leadership: leadershipScatterSchema,
});
/** The extra comparisons of one wave. */
export type WaveExtras = z.infer<typeof waveExtrasSchema>;

/** `GET /api/measurements/:id/analysis/extras`: per wave, in wave order. */
export const analysisExtrasSchema = z.object({
  measurementId: z.string(),
  minGroup: z.number(),
  waves: z.array(waveExtrasSchema),
});
/** The extras of a measurement and the wave before it. */
export type AnalysisExtras = z.infer<typeof analysisExtrasSchema>;

/** `GET /api/measurements/:id/benchmark`. */
export const benchmarkSchema = z.object({
  measurementId: z.string(),
  focalKind: z.enum(FOCAL_KINDS).nullable(),
  /** The minimum number of other municipalities an aggregate needs. */
  minMunicipalities: z.number(),
  /** This measurement's figures (null when its network is suppressed or not computed). */
  own: networkFiguresSchema.nullable(),
  /** Other municipalities: how many, and their aggregate; null when withheld. */
  others: z.object({ municipalities: z.number(), figures: networkFiguresSchema }).nullable(),
  withheld: z
    .object({
      code: z.enum(BENCHMARK_WITHHELD),
      message: z.object({ da: z.string(), en: z.string() }),
    })
    .nullable(),
});
/** The benchmark of one measurement. */
export type Benchmark = z.infer<typeof benchmarkSchema>;

/** A unit's saved place on the network map. */
export const mapPositionSchema = z.object({
  unitId: z.uuid(),
  x: z.number().min(-MAP_EXTENT).max(MAP_EXTENT),
  y: z.number().min(-MAP_EXTENT).max(MAP_EXTENT),
});
/** A unit's saved place on the network map. */
export type MapPosition = z.infer<typeof mapPositionSchema>;

/** `PUT /api/map-positions`. */
export const saveMapPositionsBody = z.object({ positions: z.array(mapPositionSchema).max(1000) });
