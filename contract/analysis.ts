/**
 * The analysis's item keys, labels and enums: plain values (no zod), so the light survey
 * page and the staff app can import them without the schema library.
 */

/** The six relational capacity items, asked per partner group, in the instrument's order. */
export const RK_ITEMS = [
  'videndeling',
  'kendskab',
  'samarbejde',
  'problemloesning',
  'innovation',
  'respekt',
] as const;

/** The seven leadership items, asked about one's own leader. */
export const LEADERSHIP_ITEMS = [
  'ledelse1',
  'ledelse2',
  'ledelse3',
  'ledelse4',
  'ledelse5',
  'ledelse6',
  'ledelse7',
] as const;

/** The five citizen items, asked of the citizen. */
export const CITIZEN_ITEMS = ['borger1', 'borger2', 'borger3', 'borger4', 'borger5'] as const;

/** A relational capacity dimension (one RK item). */
export type RkDimension = (typeof RK_ITEMS)[number];
/** A leadership item key. */
export type LeadershipItem = (typeof LEADERSHIP_ITEMS)[number];
/** A citizen item key. */
export type CitizenItem = (typeof CITIZEN_ITEMS)[number];

/** Danish and English labels of the RK dimensions, for reports. */
export const RK_DIMENSION_LABELS: Readonly<Record<RkDimension, { da: string; en: string }>> = {
  videndeling: { da: 'Videndeling', en: 'Knowledge sharing' },
  kendskab: { da: 'Kendskab', en: "Knowledge of others' work" },
  samarbejde: { da: 'Samarbejde', en: 'Collaboration' },
  problemloesning: { da: 'Problemløsning', en: 'Problem solving' },
  innovation: { da: 'Innovation', en: 'New possibilities' },
  respekt: { da: 'Respekt', en: 'Mutual respect' },
};

/**
 * What an item is called on screen: a dimension by its name, a leadership or citizen item
 * by its number ("Ledelse 1"), never its key (`problemloesning`, `ledelse1`).
 */
export function itemLabel(key: string, lang: 'da' | 'en'): string {
  if (Object.hasOwn(RK_DIMENSION_LABELS, key)) return RK_DIMENSION_LABELS[key as RkDimension][lang];
  const numbered = /^(ledelse|borger)(\d+)$/.exec(key);
  if (!numbered) return key;
  const word =
    numbered[1] === 'ledelse'
      ? { da: 'Ledelse', en: 'Leadership' }
      : { da: 'Borger', en: 'Citizen' };
  return `${word[lang]} ${numbered[2]}`;
}

/** The colour bands of a tie. */
export const TIE_LEVELS = ['high', 'medium', 'low', 'suppressed'] as const;
/** The colour band of a tie. */
export type TieLevel = (typeof TIE_LEVELS)[number];

/** Why a figure is hidden: too few respondents, or so it cannot be worked out from others. */
export const SUPPRESSED_REASONS = ['small', 'complementary'] as const;
/** Why a figure is hidden. */
export type SuppressedReason = (typeof SUPPRESSED_REASONS)[number];

/** The staff roles a role view of the analysis filters by. */
export const VIEW_ROLES = ['leder', 'medarbejder'] as const;
/** A role a view of the analysis is limited to. */
export type ViewRole = (typeof VIEW_ROLES)[number];

/** Where a network stands in the model's dynamics (docs/analysis.md, "The loop"). */
export type LoopVerdict = 'productive' | 'unproductive' | 'between' | 'unknown';

/** The dimensions that decide where to start (DOMAIN.md): knowledge of each other, respect, problem solving. */
export const DECISIVE_DIMENSIONS: readonly RkDimension[] = [
  'kendskab',
  'respekt',
  'problemloesning',
];

/**
 * The loop of a network, one rule for the screen and the PDF: its score against the
 * measurement's thresholds (high: productive, low: unproductive, between them: between,
 * withheld: unknown), and the weakest of the decisive dimensions, where to start.
 */
export function loopOf(
  network: { score: number | null; dimensions: Readonly<Record<RkDimension, number | null>> },
  thresholds: { high: number; low: number },
): { verdict: LoopVerdict; decisive: RkDimension | null } {
  const { score, dimensions } = network;
  const verdict: LoopVerdict =
    score === null
      ? 'unknown'
      : score >= thresholds.high
        ? 'productive'
        : score < thresholds.low
          ? 'unproductive'
          : 'between';
  const shown = DECISIVE_DIMENSIONS.filter((d) => dimensions[d] !== null);
  const decisive = shown.sort((a, b) => dimensions[a]! - dimensions[b]!)[0] ?? null;
  return { verdict, decisive };
}
