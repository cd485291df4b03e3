/** The response of the leader's overview (`GET /api/overview`). */
import { z } from 'zod';
import { TIE_LEVELS } from './analysis.js';
import { unitResultSchema } from './analysis.schema.js';

const numOrNull = z.number().nullable();

/**
 * An intervention's status. The same list as `INTERVENTION_STATUSES` of the interventions
 * feature, which has no contract file yet; point this at it when it has.
 */
const interventionStatus = z.enum(['planned', 'running', 'completed', 'cancelled']);

/** The measured figures of the latest wave, for the units in scope; every figure links to the analysis. */
export const overviewFiguresSchema = z.object({
  id: z.string(),
  title: z.string(),
  wave: z.string(),
  previousWave: z.string().nullable(),
  link: z.string(),
  network: z.object({ score: numOrNull, change: numOrNull, link: z.string() }),
  /** Before/after of the first two waves, when there are two. */
  comparison: z
    .object({
      diff: numOrNull,
      ci: z.tuple([z.number(), z.number()]).nullable(),
      p: numOrNull,
      link: z.string(),
    })
    .nullable(),
  units: z.array(
    unitResultSchema
      .pick({ unit: true, outScore: true, outN: true, inScore: true, inN: true, suppressed: true })
      .extend({ outChange: numOrNull, inChange: numOrNull, link: z.string() }),
  ),
  weakestTies: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      score: z.number(),
      level: z.enum(TIE_LEVELS),
      n: numOrNull,
      change: numOrNull,
      link: z.string(),
    }),
  ),
  asymmetries: z.array(
    z.object({
      unit: z.string(),
      partner: z.string(),
      unitRates: z.number(),
      partnerRates: z.number(),
      gap: z.number(),
      link: z.string(),
    }),
  ),
});
/** The measured figures of the overview. */
export type OverviewFigures = z.infer<typeof overviewFiguresSchema>;

/** The leader's overview: a leader's own unit, or (a director) every unit. */
export const overviewSchema = z.object({
  scope: z.enum(['leader', 'director']),
  units: z.array(z.string()).nullable(),
  measurement: overviewFiguresSchema.nullable(),
  developmentPoints: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      owner: z.string(),
      dueOn: z.string().nullable(),
      workshopId: z.string(),
      workshopTitle: z.string(),
    }),
  ),
  interventions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: interventionStatus,
      units: z.array(z.string()),
      nextMeeting: z.string().nullable(),
      followUpOn: z.string().nullable(),
    }),
  ),
});
/** The leader's overview. */
export type Overview = z.infer<typeof overviewSchema>;
